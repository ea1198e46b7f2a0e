using System.Text.Encodings.Web;
using System.Text.Json;

namespace MiniQuantDesk.Benchmarks.Infrastructure;

/// <summary>The one JSON style of the files this program writes: indented, camelCase.</summary>
internal static class Json
{
    /// <summary>Indented camelCase, as in every file under perf-baselines/.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,

        // The files are read by people too: keep apostrophes and the like as they are (no HTML is built from them).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="value"/> to <paramref name="path"/>, creating its folder.</summary>
    public static void Write<T>(string path, T value)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, JsonSerializer.Serialize(value, Options) + "\n");
    }

    /// <summary>Reads a <typeparamref name="T"/> from <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is empty or not the expected JSON.</exception>
    public static T Read<T>(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
                ?? throw new InvalidDataException($"{path}: the file holds JSON null; expected a {typeof(T).Name}.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path}: not a valid {typeof(T).Name} ({exception.Message}).", exception);
        }
    }
}
