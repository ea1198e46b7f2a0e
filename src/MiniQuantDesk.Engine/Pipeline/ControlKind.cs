namespace MiniQuantDesk.Engine.Pipeline;

/// <summary>Operator commands, delivered as events so that they take effect at a defined point in the stream.</summary>
public enum ControlKind : byte
{
    /// <summary>Not set: refused.</summary>
    None = 0,

    /// <summary>Arms the engine (it boots disarmed). A halted integrity guard stays halted: clear the halt first.</summary>
    Arm = 1,

    /// <summary>Disarms the engine: no new orders until armed again; cancels still pass.</summary>
    Disarm = 2,

    /// <summary>Halts the engine (sticky) with <see cref="ReasonCode.OperatorHalt"/>.</summary>
    Halt = 3,

    /// <summary>Clears every halt of the engine (the operator found the cause); the engine stays disarmed.</summary>
    ClearHalt = 4,

    /// <summary>Turns the kill switch on: every new order is refused.</summary>
    KillSwitchOn = 5,

    /// <summary>Turns the kill switch off.</summary>
    KillSwitchOff = 6,

    /// <summary>A reconcile with the broker came out clean at the event time.</summary>
    ReconcileClean = 7,

    /// <summary>A reconcile found drift: the gateway refuses new orders until a clean one.</summary>
    ReconcileDirty = 8,

    /// <summary>Declares that a series (<see cref="ControlCommand.Symbol"/>, <see cref="ControlCommand.Timeframe"/>)
    /// must deliver every bar from <see cref="ControlCommand.Value"/> (UTC nanoseconds) on.</summary>
    ExpectSeries = 9,
}
