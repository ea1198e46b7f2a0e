using System.Globalization;
using System.Text;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Time;

namespace MiniQuantDesk.Backtest.Data;

/// <summary>
/// Writes a synthetic, seeded sample data set for trying the backtester without real data: ten years of unadjusted
/// daily bars of the made-up symbol SAMPLE with a 2-for-1 split, a year of minute bars, the corporate actions file
/// naming the split, and a README saying how it was made. Every byte is a function of the fixed seed: integer
/// arithmetic only, its own generator (<see cref="SplitMix64"/>), the NYSE calendar for the sessions.
/// </summary>
public static class SampleDataGenerator
{
    /// <summary>The daily bars' file name.</summary>
    public const string DailyFileName = "SAMPLE_1d.csv";

    /// <summary>The minute bars' file name.</summary>
    public const string MinuteFileName = "SAMPLE_1m.csv";

    /// <summary>The corporate actions' file name.</summary>
    public const string CorporateActionsFileName = "corporate_actions.csv";

    /// <summary>The README's file name.</summary>
    public const string ReadmeFileName = "README.txt";

    /// <summary>The seed of the daily walk (the minute walk uses the next one).</summary>
    public const ulong Seed = 20140102;

    /// <summary>The first daily session.</summary>
    public static readonly DateOnly DailyFirst = new(2014, 1, 2);

    /// <summary>The last daily session.</summary>
    public static readonly DateOnly DailyLast = new(2023, 12, 29);

    /// <summary>The session from which the split applies: prices halve and volume doubles.</summary>
    public static readonly DateOnly SplitDate = new(2019, 6, 3);

    private const long Cent = 10_000;
    private const long Million = 1_000_000;
    private const long StartPriceMicros = 100 * Million;
    private static readonly string[] s_twoDigits = [.. Enumerable.Range(0, 60).Select(n => n.ToString("00", CultureInfo.InvariantCulture))];
    private static readonly int s_unixEpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>
    /// Writes the four files into <paramref name="directory"/> (created if missing). Files already there with the
    /// same bytes are left alone, so writing twice is harmless.
    /// </summary>
    /// <exception cref="IOException">A file of the same name with different content is already there; nothing is
    /// written then.</exception>
    public static SampleDataFiles Write(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string folder = Path.GetFullPath(directory);
        var files = new SampleDataFiles(
            Path.Combine(folder, DailyFileName),
            Path.Combine(folder, MinuteFileName),
            Path.Combine(folder, CorporateActionsFileName),
            Path.Combine(folder, ReadmeFileName));
        NyseCalendar calendar = NyseCalendar.Default;
        (string dailyText, long close2022) = DailyBars(calendar);
        byte[][] contents =
        [
            Utf8(dailyText),
            Utf8(MinuteBars(calendar, close2022)),
            Utf8(CorporateActionsText()),
            Utf8(ReadmeText()),
        ];

        // Check every file before writing any, so a refusal leaves the folder as it was.
        IReadOnlyList<string> paths = files.All;
        for (int i = 0; i < paths.Count; i++)
        {
            if (File.Exists(paths[i]) && !File.ReadAllBytes(paths[i]).AsSpan().SequenceEqual(contents[i]))
            {
                throw new IOException($"{paths[i]} already exists with different content; choose an empty folder for the sample data.");
            }
        }

        Directory.CreateDirectory(folder);
        for (int i = 0; i < paths.Count; i++)
        {
            if (!File.Exists(paths[i]))
            {
                File.WriteAllBytes(paths[i], contents[i]);
            }
        }

        return files;
    }

    /// <summary>
    /// The daily walk: close-to-close returns with a drift that switches between up and down regimes of 40 to 160
    /// sessions (so moving averages cross a few dozen times, not every week) and 1.3 % daily noise; opens gap a
    /// little from the previous close; highs and lows reach beyond the body by a random fraction. The walk is in
    /// pre-split shares; from <see cref="SplitDate"/> on, prices are written halved and volume doubled, as an
    /// unadjusted source shows them. Returns the text and the last written close of 2022, where the minute walk starts.
    /// </summary>
    private static (string Text, long Close2022) DailyBars(NyseCalendar calendar)
    {
        var random = new SplitMix64(Seed);
        var text = new StringBuilder(2_600 * 48);
        text.Append(BarCsvReader.Header).Append('\n');
        long close = StartPriceMicros;
        long drift = 0;
        int regimeLeft = 0;
        long close2022 = 0;
        for (DateOnly date = DailyFirst; date <= DailyLast; date = calendar.NextTradingDay(date))
        {
            if (regimeLeft == 0)
            {
                regimeLeft = (int)random.NextBetween(40, 160);
                drift = NextDrift(random, close);
            }

            regimeLeft--;
            long returnMillionths = Math.Clamp(drift + (random.NextNormalMillionths() * 13_000 / Million), -120_000, 120_000);
            long open = RoundToCent(Scale(close, random.NextNormalMillionths() * 3_000 / Million));
            close = Math.Max(RoundToCent(Scale(close, returnMillionths)), Cent);
            open = Math.Max(open, Cent);
            long high = CeilingToCent(Scale(Math.Max(open, close), Math.Abs(random.NextNormalMillionths()) * 6_000 / Million));
            long low = Math.Max(FloorToCent(Scale(Math.Min(open, close), -Math.Abs(random.NextNormalMillionths()) * 6_000 / Million)), Cent);
            long volume = (15_000_000 + (Math.Abs(returnMillionths) * 600)) * random.NextBetween(70, 130) / 100 / 100 * 100;
            string day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (date >= SplitDate)
            {
                // The walk goes on in pre-split shares; only what is written is halved.
                AppendRow(text, day, Half(open), CeilingToCent(high / 2), Math.Max(FloorToCent(low / 2), Cent), Half(close), volume * 2);
            }
            else
            {
                AppendRow(text, day, open, high, low, close, volume);
            }

            close2022 = date.Year == 2022 ? Half(close) : close2022;
        }

        return (text.ToString(), close2022);
    }

    /// <summary>A regime's drift in millionths per session; pulled back towards the start price when the walk wanders
    /// far (above 250 or below 60), so the series stays in a plausible band.</summary>
    private static long NextDrift(SplitMix64 random, long close)
    {
        long magnitude = random.NextBetween(1_500, 3_500);
        long upPercent = close > 5 * StartPriceMicros / 2 ? 25 : close < 3 * StartPriceMicros / 5 ? 80 : 55;
        return random.NextBelow(100) < upPercent ? magnitude : -magnitude;
    }

    /// <summary>Minute bars for every regular-session minute of 2023: 0.06 % noise a minute, a small gap at each open,
    /// volume heavier near the open and the close. Timestamps carry the New York offset of the day.</summary>
    private static string MinuteBars(NyseCalendar calendar, long startPrice)
    {
        var random = new SplitMix64(Seed + 1);
        var text = new StringBuilder(98_000 * 56);
        text.Append(BarCsvReader.Header).Append('\n');
        long close = startPrice;
        for (DateOnly date = calendar.NextTradingDay(new DateOnly(2022, 12, 31)); date.Year == 2023; date = calendar.NextTradingDay(date))
        {
            calendar.TryGetSession(date, out long openNs, out long closeNs);
            long localMidnightAsUtcNs = (date.DayNumber - s_unixEpochDayNumber) * EventTime.NanosPerDay;
            long localOpenAsUtcNs = localMidnightAsUtcNs + (9 * EventTime.NanosPerHour) + (30 * EventTime.NanosPerMinute);
            int offsetMinutes = (int)((localOpenAsUtcNs - openNs) / EventTime.NanosPerMinute);
            int minutes = (int)((closeNs - openNs) / EventTime.NanosPerMinute);
            long drift = random.NextNormalMillionths() * 40 / Million;
            string day = date.ToString("yyyy-MM-dd'T'", CultureInfo.InvariantCulture);
            string offset = string.Create(
                CultureInfo.InvariantCulture,
                $":00{(offsetMinutes < 0 ? '-' : '+')}{Math.Abs(offsetMinutes) / 60:00}:{Math.Abs(offsetMinutes) % 60:00}");
            for (int minute = 0; minute < minutes; minute++)
            {
                long gap = minute == 0 ? random.NextNormalMillionths() * 4_000 / Million : 0;
                long open = Math.Max(RoundToCent(Scale(close, gap)), Cent);
                close = Math.Max(RoundToCent(Scale(open, drift + (random.NextNormalMillionths() * 600 / Million))), Cent);
                long high = CeilingToCent(Scale(Math.Max(open, close), Math.Abs(random.NextNormalMillionths()) * 300 / Million));
                long low = Math.Max(FloorToCent(Scale(Math.Min(open, close), -Math.Abs(random.NextNormalMillionths()) * 300 / Million)), Cent);
                int fromEdge = Math.Min(minute, minutes - 1 - minute);
                long volume = (8_000 + (60_000 / (fromEdge + 2))) * random.NextBetween(60, 140) / 100;
                int localMinute = (9 * 60) + 30 + minute;
                string timestamp = string.Concat(day, s_twoDigits[localMinute / 60], ":", s_twoDigits[localMinute % 60], offset);
                AppendRow(text, timestamp, open, high, low, close, volume);
            }
        }

        return text.ToString();
    }

    private static string CorporateActionsText() =>
        string.Create(CultureInfo.InvariantCulture, $"{CorporateActionsReader.Header}\n{SplitDate:yyyy-MM-dd},SAMPLE,split,2\n");

    private static string ReadmeText() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"""
            MiniQuantDesk sample data: SYNTHETIC, not market data.

            SAMPLE is a made-up symbol. Every number in these files was generated by
            MiniQuantDesk's SampleDataGenerator from the fixed seed {Seed} with its own
            SplitMix64 generator and integer arithmetic only, so the files are the same
            bytes on every machine. They exist to try the backtester, nothing else.

            {DailyFileName}
              One bar per NYSE session, {DailyFirst:yyyy-MM-dd} to {DailyLast:yyyy-MM-dd}. A random walk of
              close-to-close returns (about 1.3 % a day) whose drift switches between
              up and down regimes of 40 to 160 sessions, starting at 100.00; prices in
              cents, high and low beyond the open and close, volume larger on big moves.
              UNADJUSTED: a 2-for-1 split is effective {SplitDate:yyyy-MM-dd}; from that session
              on, prices are half and volume double. Apply {CorporateActionsFileName}
              (or adjust) before comparing prices across the split.

            {MinuteFileName}
              Every regular-session minute of 2023 (early closes end at 13:00), with
              timestamps in New York time with their UTC offset. A separate walk
              (about 0.06 % a minute) starting at the last daily close of 2022;
              volume heavier near the open and the close.

            {CorporateActionsFileName}
              The split: {SplitDate:yyyy-MM-dd},SAMPLE,split,2 (two new shares per old share).

            """);

    private static void AppendRow(StringBuilder text, string timestamp, long open, long high, long low, long close, long volume)
    {
        Span<char> buffer = stackalloc char[Engine.Numerics.DecimalText.MaxFormattedLength];
        text.Append(timestamp);
        foreach (long price in (ReadOnlySpan<long>)[open, high, low, close])
        {
            int length = Engine.Numerics.DecimalText.FormatMicros(price, buffer);
            text.Append(',').Append(buffer[..length]);
        }

        text.Append(',').Append(volume.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    /// <summary>price × (1 + millionths / 1,000,000), in 128 bits so no intermediate overflows.</summary>
    private static long Scale(long price, long millionths) => (long)((Int128)price * (Million + millionths) / Million);

    private static long RoundToCent(long micros) => (micros + (Cent / 2)) / Cent * Cent;

    private static long CeilingToCent(long micros) => (micros + Cent - 1) / Cent * Cent;

    private static long FloorToCent(long micros) => micros / Cent * Cent;

    private static long Half(long micros) => RoundToCent(micros / 2);

    private static byte[] Utf8(string text) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
}
