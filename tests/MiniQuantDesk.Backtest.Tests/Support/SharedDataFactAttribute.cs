namespace MiniQuantDesk.Backtest.Tests.Support;

/// <summary>A fact that reads <c>../shared/data</c>: skipped, with the reason, where the data is absent and not
/// required (a user's clone); run, and failing if the data is missing, in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataFactAttribute : FactAttribute
{
    /// <summary>Sets the skip reason when the data is absent and not required.</summary>
    public SharedDataFactAttribute()
    {
        if (SharedData.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
