namespace MiniQuantDesk.Engine.Integrity;

/// <summary>The integrity guard's sticky state. Only an operator moves it back towards <see cref="Armed"/>:
/// Halted → (clear) → Disarmed → (arm) → Armed.</summary>
public enum IntegrityState : byte
{
    /// <summary>No integrity problem is outstanding: the gateway may let orders through.</summary>
    Armed = 0,

    /// <summary>A gap or a stale feed was seen; every bar is refused until an operator arms the guard.</summary>
    Disarmed = 1,

    /// <summary>Feeds disagreed or time went backwards; every bar is refused until an operator clears the halt.</summary>
    Halted = 2,
}
