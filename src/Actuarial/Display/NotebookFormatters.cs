namespace Actuarial.Display;

/// <summary>
/// A result that shows itself in a notebook: HTML for the rich view, <see cref="object.ToString"/> for plain text.
/// Results of every layer implement it, so that this layer needs to know none of them.
/// </summary>
internal interface INotebookDisplay
{
    /// <summary>The result as an HTML fragment (tables, no script).</summary>
    string ToHtml();
}

/// <summary>
/// The formatter source named by <see cref="TypeFormatterSourceAttribute"/>: an HTML and a plain-text formatter for the
/// result types (duck-typed: <c>MimeType</c> and <c>Format(object, TextWriter)</c>, as .NET Interactive expects).
/// </summary>
internal sealed class NotebookFormatterSource
{
    /// <summary>The formatters, HTML first.</summary>
    public IEnumerable<object> CreateTypeFormatters() => [new HtmlFormatter(), new PlainTextFormatter()];

    /// <summary>Renders the result types as HTML tables.</summary>
    internal sealed class HtmlFormatter
    {
        /// <summary>The MIME type this formatter writes.</summary>
        public string MimeType => "text/html";

        /// <summary>Writes <paramref name="instance"/> as HTML; false for a type it does not know.</summary>
        public bool Format(object instance, TextWriter writer)
        {
            if (instance is not INotebookDisplay result) return false;
            writer.Write(result.ToHtml());
            return true;
        }
    }

    /// <summary>Renders the result types as aligned plain text.</summary>
    internal sealed class PlainTextFormatter
    {
        /// <summary>The MIME type this formatter writes.</summary>
        public string MimeType => "text/plain";

        /// <summary>Writes <paramref name="instance"/> as text; false for a type it does not know.</summary>
        public bool Format(object instance, TextWriter writer)
        {
            if (instance is not INotebookDisplay result) return false;
            writer.Write(result.ToString());
            return true;
        }
    }
}
