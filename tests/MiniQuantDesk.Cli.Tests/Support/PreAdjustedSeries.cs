using System.Globalization;
using System.Text;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Cli.Tests.Support;

/// <summary>
/// Writes a daily bar file as an adjusted source would publish it: every bar before a split's date on the
/// post-split basis (prices ÷ ratio, volume × ratio), exactly, in micros. The sample's prices are whole cents, so
/// halving them is exact.
/// </summary>
internal static class PreAdjustedSeries
{
    public static void Write(string unadjustedPath, DateOnly splitDate, int ratio, string targetPath)
    {
        string[] lines = File.ReadAllLines(unadjustedPath);
        var text = new StringBuilder(lines[0]).Append('\n');
        foreach (string line in lines.Skip(1))
        {
            string[] fields = line.Split(',');
            if (DateOnly.ParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture) < splitDate)
            {
                for (int i = 1; i <= 4; i++)
                {
                    Assert.Equal(NumericError.None, DecimalText.TryParseMicros(fields[i], out long micros, out _));
                    Assert.Equal(0, micros % ratio);
                    fields[i] = DecimalText.FormatMicros(micros / ratio);
                }

                fields[5] = (long.Parse(fields[5], CultureInfo.InvariantCulture) * ratio).ToString(CultureInfo.InvariantCulture);
            }

            text.AppendJoin(',', fields).Append('\n');
        }

        File.WriteAllText(targetPath, text.ToString(), new UTF8Encoding(false));
    }
}
