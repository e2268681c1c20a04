#!/usr/bin/env python3
"""Runs a Polyglot notebook's C# cells, unchanged, in the real .NET Interactive kernel (dotnet-interactive stdio):
each code cell is one SubmitCode command, in order, in one kernel started in the notebook's folder (as VS Code does).

    run_kernel.py NOTEBOOK.ipynb [--source FEED_DIR] [--kernel PATH_TO_dotnet-interactive] [--cell-timeout SECONDS]
                  [--save-outputs]

--source adds a package source before the first cell (#i "nuget: FEED_DIR", as a user with that feed configured
would have), so that the notebook's #r "nuget: Actuarial, …" finds the package just packed.

Prints what each cell displays (text/plain where the kernel gives it, else the size of its HTML) and fails (exit 1)
when a cell fails, when no Actuarial result displays as an HTML table (the library's display convention), or when the
chart cell shows no PNG. With --save-outputs, writes what each cell displayed back into the notebook as its outputs
(execute_result, display_data, stream), so the notebook is committed with the outputs of the code as it is now.
Standard library only.
"""
import json
import os
import queue
import re
import subprocess
import sys
import threading
import time


def main():
    args = sys.argv[1:]
    kernel = "dotnet-interactive"
    cell_timeout = 600.0
    if "--kernel" in args:
        i = args.index("--kernel"); kernel = args[i + 1]; del args[i : i + 2]
    source = None
    if "--source" in args:
        i = args.index("--source"); source = os.path.abspath(args[i + 1]); del args[i : i + 2]
    save = "--save-outputs" in args
    if save:
        args.remove("--save-outputs")
    if "--cell-timeout" in args:
        i = args.index("--cell-timeout"); cell_timeout = float(args[i + 1]); del args[i : i + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    path = os.path.abspath(args[0])
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    if nb.get("metadata", {}).get("kernelspec", {}).get("name") != ".net-csharp":
        sys.exit(f"{path}: not a C# (.net-csharp) notebook")
    cells = [(i, "".join(c["source"]) if isinstance(c["source"], list) else c["source"])
             for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code"]
    if source:
        cells.insert(0, ("source", f'#i "nuget: {source}"'))

    proc = subprocess.Popen([kernel, "stdio", "--default-kernel", "csharp"], cwd=os.path.dirname(path),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            encoding="utf-8", bufsize=1)
    events = queue.Queue()
    threading.Thread(target=lambda: [events.put(line) for line in proc.stdout] and events.put(None), daemon=True).start()

    tables = images = 0
    outputs = {}
    try:
        for n, (index, code) in enumerate(cells):
            cell_outputs = outputs.setdefault(index, [])
            token = f"cell-{index}"
            proc.stdin.write(json.dumps({"token": token, "commandType": "SubmitCode",
                                         "command": {"code": code, "targetKernelName": "csharp"}}) + "\n")
            proc.stdin.flush()
            start = time.monotonic()
            print(f"---- cell {index} ----", flush=True)
            while True:
                try:
                    line = events.get(timeout=max(1.0, cell_timeout - (time.monotonic() - start)))
                except queue.Empty:
                    print(f"cell {index}: no answer within {cell_timeout:.0f} s")
                    return 1
                if line is None:
                    print(f"cell {index}: the kernel exited")
                    return 1
                try:
                    envelope = json.loads(line)
                except json.JSONDecodeError:
                    continue
                kind = envelope.get("eventType")
                event = envelope.get("event") or {}
                command_token = (envelope.get("command") or {}).get("token", "")
                if not (command_token == token or command_token.startswith(token + ".")):
                    continue
                if kind in ("ReturnValueProduced", "DisplayedValueProduced", "StandardOutputValueProduced"):
                    values = {v["mimeType"]: v["value"] for v in event.get("formattedValues", [])}
                    html = values.get("text/html", "")
                    if "Installing Packages" in html or "Installed Packages" in html:
                        continue
                    if '<table class="actuarial"' in html:
                        tables += 1
                    if "data:image/png;base64," in html:
                        images += 1
                    if values.get("text/plain", "").startswith("Loading extensions from"):
                        pass  # the kernel's note with this machine's package path: not an output of the notebook
                    elif kind == "StandardOutputValueProduced":
                        cell_outputs.append({"output_type": "stream", "name": "stdout", "text": values.get("text/plain", "")})
                    else:
                        entry = {"output_type": "execute_result" if kind == "ReturnValueProduced" else "display_data",
                                 "data": {m: v for m, v in values.items()}, "metadata": {}}
                        if kind == "ReturnValueProduced":
                            entry["execution_count"] = n
                        cell_outputs.append(entry)
                    text = values.get("text/plain")
                    print(text if text is not None else f"[text/html, {len(html)} characters"
                          + (", an Actuarial table" if '<table class="actuarial"' in html else "")
                          + (", a PNG image" if "data:image/png;base64," in html else "") + "]", flush=True)
                elif kind == "PackageAdded":
                    ref = event.get("packageReference", {})
                    print(f"[package {ref.get('packageName')} {ref.get('packageVersion')} from {ref.get('packageRoot')}]", flush=True)
                elif kind == "DiagnosticsProduced":
                    for d in event.get("diagnostics", []):
                        if d.get("severity") == "error":
                            print(f"error: {d.get('message')}")
                elif kind == "CommandFailed" and command_token == token:
                    print(f"cell {index} failed: {event.get('message', '')[:2000]}")
                    return 1
                elif kind == "CommandSucceeded" and command_token == token:
                    print(f"[cell {index} ran in {time.monotonic() - start:.1f} s]", flush=True)
                    break
    finally:
        try:
            proc.stdin.close()
        except OSError:
            pass
        proc.kill()
        proc.wait()

    if tables == 0:
        print("no Actuarial result displayed as an HTML table")
        return 1
    if images == 0:
        print("the chart cell displayed no PNG")
        return 1
    print(f"{len(cells)} cells ran; {tables} Actuarial tables and {images} chart(s) displayed")
    if save:
        count = 0
        for i, cell in enumerate(nb["cells"]):
            if cell["cell_type"] != "code":
                continue
            count += 1
            cell["execution_count"] = count
            cell["outputs"] = outputs.get(i, [])
            for o in cell["outputs"]:
                if "execution_count" in o:
                    o["execution_count"] = count
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            json.dump(nb, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(f"wrote the outputs into {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
