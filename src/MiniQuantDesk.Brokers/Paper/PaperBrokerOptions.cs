using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Journal.Dispatch;

namespace MiniQuantDesk.Brokers.Paper;

/// <summary>How a <see cref="PaperBroker"/> opens its account and what it charges.</summary>
public sealed record PaperBrokerOptions
{
    /// <summary>The cash the account starts with when an empty schema is first opened (default 100,000.00).</summary>
    public static readonly Money DefaultInitialCash = new(Micros.FromUnits(100_000));

    /// <summary>
    /// The account's starting cash. It is stored when the account is first created and is part of the broker's truth
    /// from then on: null accepts whatever is stored (or <see cref="DefaultInitialCash"/> for a new account); a value
    /// that differs from the stored one is refused when the broker opens, never silently applied.
    /// </summary>
    public Money? InitialCash { get; init; }

    /// <summary>The fee per filled share, in micros (0 or more; default 0). Each fill records its fee.</summary>
    public long FeePerShareMicros { get; init; }

    /// <summary>
    /// Decides, per submit, whether to simulate a failure (default: never). Called inside the submit, before the
    /// transaction; it may keep state (count submits, pick one at random) but must be safe for the threads that submit.
    /// </summary>
    public Func<OutboxOrder, PaperSubmitFault>? SubmitFault { get; init; }

    /// <summary>Throws when an option is out of range, naming it.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (FeePerShareMicros < 0)
        {
            throw new ArgumentException("the fee per share cannot be negative (the paper broker pays no rebates)", nameof(FeePerShareMicros));
        }
    }
}
