using System.Text;

namespace MiniQuantDesk.Backtest.Reporting;

/// <summary>Escapes text for HTML content and attribute values (the five characters that matter), and nothing else,
/// so that the bytes of the report depend only on its content.</summary>
internal static class HtmlText
{
    /// <summary>The text with <c>&amp; &lt; &gt; " '</c> escaped.</summary>
    public static string Encode(string text)
    {
        StringBuilder encoded = new(text.Length);
        foreach (char c in text)
        {
            string? entity = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            };
            if (entity is null)
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append(entity);
            }
        }

        return encoded.ToString();
    }
}
