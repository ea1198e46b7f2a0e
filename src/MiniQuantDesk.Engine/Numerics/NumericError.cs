namespace MiniQuantDesk.Engine.Numerics;

/// <summary>Why a number was refused. Each is a named reason, never a silently rounded or wrapped value.</summary>
public enum NumericError
{
    /// <summary>The number is good.</summary>
    None = 0,

    /// <summary>No digits at all.</summary>
    Empty,

    /// <summary>Not a decimal number (letters, two points, a sign in the middle, an exponent).</summary>
    Malformed,

    /// <summary>"NaN" or "Infinity": a floating-point artefact that reached the edge.</summary>
    NotANumber,

    /// <summary>The value does not fit in 64 bits of micros (about ±9.2 trillion dollars).</summary>
    Overflow,
}
