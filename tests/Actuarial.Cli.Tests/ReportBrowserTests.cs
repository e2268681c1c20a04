using System.Text.Json;
using NUnit.Framework;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Actuarial.Cli.Tests;

/// <summary>
/// The reports in a real headless browser: Debian's Chromium driven through chromedriver (Selenium WebDriver). Each page
/// loads from disk with no console error, shows its headline and draws every chart (the drawn traces hold the page's
/// data); a screenshot of the page and of every chart, and the printed PDF, are written to the test output. Skipped
/// only when Chromium is not installed on a developer's machine; under CI (CI=true) a missing Chromium fails, since
/// .ci/run installs it.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriver = "/usr/bin/chromedriver";

    private ChromeDriver? _driver;
    private string _profile = "";

    [OneTimeSetUp]
    public void StartBrowser()
    {
        if (!File.Exists(Chromium) || !File.Exists(ChromeDriver))
        {
            string reason = $"Chromium or chromedriver is not installed ({Chromium}, {ChromeDriver}); install with: apt-get install -y chromium chromium-driver";
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(reason + " (.ci/run installs them; under CI this must not be skipped)");
            Assert.Ignore(reason);
        }
        _profile = Path.Combine(Path.GetTempPath(), "actuarial-chromium-" + Guid.NewGuid().ToString("N"));
        var options = new ChromeOptions { BinaryLocation = Chromium };
        // No network on this machine: without these flags Chromium waits on its background services.
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={_profile}", "--window-size=1200,900");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        _driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        _driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(60);
    }

    [OneTimeTearDown]
    public void StopBrowser()
    {
        _driver?.Quit();
        _driver?.Dispose();
        if (_profile.Length > 0 && Directory.Exists(_profile))
        {
            try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } // Chromium may still hold a lock file for a moment.
        }
    }

    private static string OutputFolder(string which)
    {
        string folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "report-screenshots", which);
        Directory.CreateDirectory(folder);
        return folder;
    }

    [TestCase("baseline")]
    [TestCase("comparison")]
    public void The_report_loads_without_errors_and_draws_every_chart(string which)
    {
        var driver = _driver!;
        string folder = which == "baseline" ? ReportOutputs.Baseline : ReportOutputs.Comparison;
        string page = Path.Combine(folder, "report.html");
        driver.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
        var js = (IJavaScriptExecutor)driver;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (js.ExecuteScript("return document.documentElement.getAttribute('data-charts-drawn')") is null && DateTime.UtcNow < deadline) Thread.Sleep(100);

        var errors = driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= LogLevel.Warning).Select(e => $"{e.Level}: {e.Message}").ToList();
        Assert.That(errors, Is.Empty, "no console errors or warnings");

        var headline = driver.FindElement(By.CssSelector("section#headline"));
        Assert.That(headline.Displayed, Is.True);
        Assert.That(headline.Text, Does.Contain("depleted"), "the headline says when the fund is depleted");

        string output = OutputFolder(which);
        var plots = driver.FindElements(By.CssSelector("div.plot"));
        Assert.That(plots, Has.Count.GreaterThanOrEqualTo(which == "baseline" ? 9 : 6));
        Assert.That(js.ExecuteScript("return document.documentElement.getAttribute('data-charts-drawn')"), Is.EqualTo(plots.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var plot in plots)
        {
            string id = plot.GetAttribute("id")!;
            Assert.That(plot.GetAttribute("class"), Does.Contain("js-plotly-plot"), $"{id} was drawn by plotly.js");
            Assert.That(plot.FindElements(By.CssSelector("svg.main-svg")), Is.Not.Empty, $"{id} has its SVG");
            Assert.That(plot.Size.Height, Is.GreaterThan(200), $"{id} is visible");
            // The drawn traces hold the page's data (the data tests compare that data with the tables).
            string drawn = (string)js.ExecuteScript($"return JSON.stringify(document.getElementById('{id}').data.map(t => [t.x, t.y, t.z]))")!;
            string specified = (string)js.ExecuteScript($"return JSON.stringify(JSON.parse(document.getElementById('{id}-spec').textContent).data.map(t => [t.x, t.y, t.z]))")!;
            Assert.That(drawn, Is.EqualTo(specified), $"{id}: the chart draws the page's data");
            js.ExecuteScript("arguments[0].scrollIntoView({block: 'center'})", plot);
            string shot = Path.Combine(output, id + ".png");
            ((ITakesScreenshot)plot).GetScreenshot().SaveAsFile(shot);
            Assert.That(new FileInfo(shot).Length, Is.GreaterThan(5_000), $"{id}: screenshot written");
            TestContext.AddTestAttachment(shot, $"{which}: {id}");
        }

        // Hover shows values: plotly's hover label appears over the first chart.
        string first = plots[0].GetAttribute("id")!;
        js.ExecuteScript($"Plotly.Fx.hover('{first}', [{{curveNumber: 0, pointNumber: 5}}])");
        Assert.That(driver.FindElements(By.CssSelector($"#{first} .hoverlayer .hovertext, #{first} .hoverlayer .legend")), Is.Not.Empty, "hover shows a value");

        // Printed: the PDF holds the page (Chromium's print to PDF, as a reader's "print" would).
        var pdf = ((ISupportsPrint)driver).Print(new PrintOptions { Orientation = PrintOrientation.Portrait });
        string pdfPath = Path.Combine(output, "report.pdf");
        pdf.SaveAsFile(pdfPath);
        Assert.That(new FileInfo(pdfPath).Length, Is.GreaterThan(50_000));
        TestContext.AddTestAttachment(pdfPath, $"{which}: printed");
        var errorsAfter = driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.That(errorsAfter, Is.Empty, "no console errors on hover and print");
    }

    [Test]
    public void The_drawn_national_balance_is_the_tables_balance()
    {
        var driver = _driver!;
        string folder = ReportOutputs.Baseline;
        driver.Navigate().GoToUrl(new Uri(Path.Combine(folder, "report.html")).AbsoluteUri);
        var js = (IJavaScriptExecutor)driver;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (js.ExecuteScript("return document.documentElement.getAttribute('data-charts-drawn')") is null && DateTime.UtcNow < deadline) Thread.Sleep(100);
        string drawn = (string)js.ExecuteScript("var t = document.getElementById('chart-national-balance').data[0]; return JSON.stringify({x: t.x, y: t.y})")!;
        using var json = JsonDocument.Parse(drawn);
        var (header, rows) = ReportOutputs.Csv(Path.Combine(folder, "funds_by_year.csv"));
        int y = Array.IndexOf(header, "Year"), code = Array.IndexOf(header, "RegionCode"), balance = Array.IndexOf(header, "ClosingBalanceBillionYuan");
        var table = rows.Where(r => r[code] == "0").ToDictionary(r => int.Parse(r[y], System.Globalization.CultureInfo.InvariantCulture), r => double.Parse(r[balance], System.Globalization.CultureInfo.InvariantCulture));
        var xs = json.RootElement.GetProperty("x").EnumerateArray().Select(v => (int)v.GetDouble()).ToArray();
        var ys = json.RootElement.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.That(xs, Is.Not.Empty);
        for (int i = 0; i < xs.Length; i++) Assert.That(ys[i], Is.EqualTo(table[xs[i]] / 1000).Within(0.6e-6), $"{xs[i]}");
    }
}
