using Actuarial.Demography;
using Actuarial.Funds;
using Actuarial.Scenarios;

namespace Actuarial.Display;

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
            string? html = instance switch
            {
                DisplayTable t => t.ToHtml(),
                PensionSummary s => s.ToHtmlTable(),
                PensionProjection p => p.Summary().ToHtmlTable() + p.Funds.ToDisplayTable().ToHtml(),
                DemographicProjection d => d.ToDisplayTable().ToHtml(),
                FundProjection f => f.ToDisplayTable().ToHtml(),
                _ => null,
            };
            if (html is null) return false;
            writer.Write(html);
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
            string? text = instance switch
            {
                DisplayTable t => t.ToString(),
                PensionSummary s => s.ToString(),
                PensionProjection p => p.ToString(),
                DemographicProjection d => d.ToDisplayTable().ToString(),
                FundProjection f => f.ToDisplayTable().ToString(),
                _ => null,
            };
            if (text is null) return false;
            writer.Write(text);
            return true;
        }
    }
}
