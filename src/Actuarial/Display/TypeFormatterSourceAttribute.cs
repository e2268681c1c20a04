namespace Actuarial.Display;

/// <summary>
/// .NET Interactive's convention-based formatting (Polyglot notebooks): the notebook kernel looks for an attribute
/// named <c>TypeFormatterSourceAttribute</c> with a <c>FormatterSourceType</c> property on a value's type, creates the
/// source, calls its <c>CreateTypeFormatters()</c> and uses each returned object's <c>MimeType</c> and
/// <c>Format(object, TextWriter)</c>. Everything is matched by name, so the library needs no reference to the notebook
/// packages. Internal: it is not part of the public API.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>The type whose <c>CreateTypeFormatters()</c> returns the formatters.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>MIME types the kernel should prefer for the decorated type.</summary>
    public string[] PreferredMimeTypes { get; set; } = ["text/html", "text/plain"];
}
