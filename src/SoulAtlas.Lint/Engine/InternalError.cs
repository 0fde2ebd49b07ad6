using System;

namespace SoulAtlas.Lint.Engine;

/// <summary>
/// How a failure inside soul-lint itself (a bug, never the user's input) is put to the user: what
/// could not be done, in words, and what the failure said, without the names of the runtime's
/// exception types or a stack trace, and with a request to report it.
/// </summary>
internal static class InternalError
{
    public static string Describe(string what, Exception ex)
    {
        var said = ex.Message.Trim();
        if (said.Length > 300)
        {
            said = said.Substring(0, 300) + "…";
        }

        said = said.Replace("\r", " ").Replace("\n", " ").TrimEnd('.');
        return said.Length == 0
            ? $"soul-lint could not {what} (an internal error); please report it with this file"
            : $"soul-lint could not {what} (an internal error: {said}); please report it with this file";
    }
}
