using Npgsql;

namespace MiniQuantDesk.Journal.Dispatch;

/// <summary>
/// Disarms engines in <c>arm_state</c> (an upsert), inside the caller's transaction so that the disarm commits with
/// the outbox change that caused it. An engine already disarmed keeps its earlier reason, and the new one is appended
/// (unless it is already there), so no reason an operator should read is lost.
/// </summary>
internal static class ArmStateDisarm
{
    private const string Sql = """
        INSERT INTO arm_state (engine_id, armed, reason, changed_at)
        SELECT u.engine_id, false, u.reason, $3 FROM unnest($1::text[], $2::text[]) AS u(engine_id, reason)
        ON CONFLICT (engine_id) DO UPDATE SET
            armed = false,
            reason = CASE
                WHEN arm_state.armed OR arm_state.reason IS NULL THEN EXCLUDED.reason
                WHEN strpos(arm_state.reason, EXCLUDED.reason) > 0 THEN arm_state.reason
                ELSE arm_state.reason || ' | ' || EXCLUDED.reason
            END,
            changed_at = EXCLUDED.changed_at
        """;

    /// <summary>Disarms each engine of <paramref name="reasons"/> (one reason per engine; several are joined).</summary>
    public static async Task DisarmAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        IEnumerable<(string EngineId, string Reason)> reasons,
        DateTime at,
        CancellationToken cancellationToken)
    {
        var byEngine = reasons
            .GroupBy(entry => entry.EngineId, StringComparer.Ordinal)
            .Select(group => (Engine: group.Key, Reason: string.Join(" | ", group.Select(entry => entry.Reason).Distinct(StringComparer.Ordinal))))
            .ToArray();
        if (byEngine.Length == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. byEngine.Select(entry => entry.Engine)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. byEngine.Select(entry => entry.Reason)] });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = at });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
