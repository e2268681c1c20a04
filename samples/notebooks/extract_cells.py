#!/usr/bin/env python3
"""Turns the C# code of a Polyglot notebook (.ipynb) or of a Markdown file's ```csharp blocks into a .NET 10
file-based app, so that CI runs exactly the code a reader sees (nothing is copied by hand).

    extract_cells.py INPUT (.ipynb | .md) OUTPUT_DIR [--feed DIR]

Writes OUTPUT_DIR/cells.cs and OUTPUT_DIR/NuGet.config (plus empty Directory.Build.props / Directory.Packages.props
so that the repository's build settings do not leak in: the app is built as an outside user would build it).

The notebook kernel's conventions are translated, never the code itself:
  #r "nuget: Name, Version"   -> #:package Name@Version          (a version is required)
  #i "nuget: PATH"            -> a package source in NuGet.config (PATH relative to the input file)
  using X;                    -> hoisted to the top of the app (a notebook accepts usings in any cell)
  a cell's trailing expression (a notebook displays it) -> display(expression);
  display(...) and HTML(...)  -> supplied by a small prelude that formats values with .NET Interactive's own
                                 formatter (Microsoft.DotNet.Interactive.Formatting), so a result type that would
                                 not display as a table in a notebook fails the run.
Notebook cells share one scope (as in the kernel); Markdown blocks each get their own scope ({ ... }).
Any other magic command (#!..., #r "some.dll") is an error: extend this script rather than skip code.
"""
import json
import os
import re
import sys

FORMATTING_PACKAGE = ("Microsoft.DotNet.Interactive.Formatting", "1.0.0-beta.26120.1")
NUGET_REF = re.compile(r'^\s*#r\s+"nuget:\s*([^,"\s]+)\s*(?:,\s*([^"\s]+))?\s*"\s*$')
NUGET_SOURCE = re.compile(r'^\s*#i\s+"nuget:\s*([^"]+?)\s*"\s*$')
USING = re.compile(r'^\s*using\s+(static\s+)?[\w.]+(\s*=\s*[\w.<>, ]+)?\s*;\s*(//.*)?$')


def cells_of(path):
    """(label, code) for every C# code cell or block, in order."""
    if path.endswith(".ipynb"):
        with open(path, encoding="utf-8") as f:
            nb = json.load(f)
        kernel = nb.get("metadata", {}).get("kernelspec", {}).get("name", "")
        if kernel != ".net-csharp":
            sys.exit(f"{path}: kernelspec is '{kernel}', expected .net-csharp")
        for i, cell in enumerate(nb["cells"]):
            if cell["cell_type"] != "code":
                continue
            lang = cell.get("metadata", {}).get("polyglot_notebook", {}).get("kernelName", "csharp")
            if lang != "csharp":
                sys.exit(f"{path}: cell {i} is in '{lang}'; only C# cells can be run")
            src = cell["source"]
            yield f"cell {i}", "".join(src) if isinstance(src, list) else src
    else:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for n, m in enumerate(re.finditer(r"^```(?:csharp|cs|c#)[ \t]*\n(.*?)^```[ \t]*$", text, re.M | re.S)):
            line = text[: m.start()].count("\n") + 1
            yield f"block {n + 1} (line {line})", m.group(1)


def strip_comment(line):
    return re.sub(r"//.*$", "", line).rstrip()


def translate(label, code, base_dir, packages, sources, usings):
    body = []
    for raw in code.split("\n"):
        line = raw.rstrip()
        if m := NUGET_REF.match(line):
            if not m.group(2):
                sys.exit(f"{label}: '{line.strip()}' has no version; pin one so the run is reproducible")
            packages.setdefault(m.group(1), m.group(2))
            continue
        if m := NUGET_SOURCE.match(line):
            sources.append(os.path.normpath(os.path.join(base_dir, m.group(1))))
            continue
        if line.lstrip().startswith("#!") or line.lstrip().startswith("#r ") or line.lstrip().startswith("#i "):
            sys.exit(f"{label}: unsupported notebook directive '{line.strip()}'")
        if USING.match(line) and not any(strip_comment(b) for b in body):
            if line.strip() not in usings:
                usings.append(line.strip())
            continue
        body.append(line)
    # The trailing expression: the lines after the last statement end (';' or '}' at a line's end).
    code_lines = [i for i, l in enumerate(body) if strip_comment(l).strip()]
    if code_lines:
        last = code_lines[-1]
        if not strip_comment(body[last]).endswith((";", "}", "{")):
            ends = [i for i in code_lines if strip_comment(body[i]).endswith((";", "}"))]
            first = next((i for i in code_lines if i > (ends[-1] if ends else -1)), None)
            # "display(" and ");" on lines of their own, so a trailing // comment cannot swallow the ");".
            body[first : last + 1] = ["display("] + body[first : last + 1] + [");"]
    return body


PRELUDE = r'''
// ---- Supplied by extract_cells.py: the notebook kernel's display() and HTML(), for running outside a notebook. ----
#pragma warning disable CS8321 // a notebook need not use both
static void display(object? value)
{
    if (value is null) { Console.WriteLine("<null>"); return; }
    if (value is NotebookHtml html) { Console.WriteLine(html); return; }
    Console.WriteLine(Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(value, "text/plain"));
    if (value.GetType().Assembly.GetName().Name == "Actuarial")
    {
        // What a notebook would show: the result types must render as tables, not as type names.
        string table = Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(value, "text/html");
        if (!table.Contains("<table class=\"actuarial\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{value.GetType()} does not display as a table in a notebook: {table[..Math.Min(300, table.Length)]}");
        }
        Console.WriteLine($"[text/html: {table.Length} characters, an Actuarial table]");
    }
}

static NotebookHtml HTML(string html) => new(html);

sealed record NotebookHtml(string Html)
{
    public override string ToString() => $"[text/html: {Html.Length} characters]";
}
'''


def main():
    args = sys.argv[1:]
    feed = None
    if "--feed" in args:
        i = args.index("--feed")
        feed = os.path.abspath(args[i + 1])
        del args[i : i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    source, out_dir = args
    base_dir = os.path.dirname(os.path.abspath(source))
    packages, sources, usings, parts = {}, [], [], []
    scoped = not source.endswith(".ipynb")
    count = 0
    for label, code in cells_of(source):
        count += 1
        body = translate(label, code, base_dir, packages, sources, usings)
        parts.append(f"// ---- {os.path.basename(source)}, {label} ----")
        if scoped:
            parts.append("{")
            parts.extend("    " + l if l else l for l in body)
            parts.append("}")
        else:
            parts.extend(body)
    if count == 0:
        sys.exit(f"{source}: no C# code found")
    if feed:
        sources.append(feed)
    packages.setdefault(*FORMATTING_PACKAGE)

    os.makedirs(out_dir, exist_ok=True)
    header = [f"// Generated from {os.path.relpath(source, out_dir)} by extract_cells.py: do not edit.",
              "#:property PublishAot=false",
              "#:property NoWarn=$(NoWarn);NU1603"]
    header += [f"#:package {name}@{version}" for name, version in packages.items()]
    with open(os.path.join(out_dir, "cells.cs"), "w", encoding="utf-8") as f:
        f.write("\n".join(header + [""] + usings + [""] + parts + [PRELUDE]))
    local = "\n".join(f'    <add key="local-{i}" value="{s}" />' for i, s in enumerate(dict.fromkeys(sources)))
    mapping = "\n".join(f'    <packageSource key="local-{i}"><package pattern="Actuarial" /><package pattern="Actuarial.*" /></packageSource>'
                        for i, _ in enumerate(dict.fromkeys(sources)))
    with open(os.path.join(out_dir, "NuGet.config"), "w", encoding="utf-8") as f:
        f.write(f'''<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
{local}
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
  <packageSourceMapping>
{mapping}
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
''')
    for name in ("Directory.Build.props", "Directory.Packages.props"):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            f.write("<Project />\n")
    print(f"{source}: {count} code cell(s) -> {os.path.join(out_dir, 'cells.cs')}")


if __name__ == "__main__":
    main()
