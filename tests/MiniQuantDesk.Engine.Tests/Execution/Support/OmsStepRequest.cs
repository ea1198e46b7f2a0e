namespace MiniQuantDesk.Engine.Tests.Execution.Support;

/// <summary>What an <see cref="OmsStep"/> asks of the OMS.</summary>
internal enum OmsStepRequest
{
    /// <summary>Apply the step's broker event.</summary>
    None,

    /// <summary>Ask to cancel.</summary>
    Cancel,

    /// <summary>Ask to replace.</summary>
    Replace,
}
