"""Refresh a .ts file from the plugin's sources with pylupdate5 (``make transup``).

pylupdate5 silently skips ``translate("Ctx", "text",)`` and ``QT_TRANSLATE_NOOP("Ctx", "text",)``: a call whose
last argument is followed by a comma, which is how ruff formats every call it splits over several lines. So this
runs pylupdate5 on copies of the sources in which such commas (comma tokens right before a closing parenthesis)
are blanked out, line numbers kept, and points the .ts locations back at the real files.
``tests/test_i18n.py`` checks the result against the sources' own syntax tree.

    python3 i18n/update.py [--ts i18n/resilience_plugin_zh_CN.ts]
"""

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "resilience_plugin"
TS = ROOT / "i18n" / "resilience_plugin_zh_CN.ts"
SKIPPED = {tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT}


def without_trailing_commas(text: str) -> str:
    """``text`` with each comma that only whitespace or comments separate from a ``)`` replaced by a space."""
    lines = text.splitlines(keepends=True)
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type not in SKIPPED]
    for token, after in zip(tokens, tokens[1:]):
        if token.type == tokenize.OP and token.string == "," and after.type == tokenize.OP and after.string == ")":
            row, col = token.start
            line = lines[row - 1]
            lines[row - 1] = line[:col] + " " + line[col + 1 :]
    return "".join(lines)


def sources() -> list:
    """The files pylupdate5 reads: every .py and .ui of the package."""
    found = [p for p in PACKAGE.rglob("*") if p.suffix in (".py", ".ui") and "__pycache__" not in p.parts]
    return sorted(found)


def update(ts: Path) -> None:
    ts = ts.resolve()
    with tempfile.TemporaryDirectory(prefix="rp-i18n-") as tmp:
        copies = []
        for path in sources():
            copy = Path(tmp) / path.relative_to(ROOT)
            copy.parent.mkdir(parents=True, exist_ok=True)
            if path.suffix == ".py":
                copy.write_text(without_trailing_commas(path.read_text(encoding="utf-8")), encoding="utf-8")
            else:
                shutil.copyfile(path, copy)
            copies.append(str(copy))
        # written next to the copies, so that its locations are relative to the same root as the real .ts's
        work_ts = Path(tmp) / ts.relative_to(ROOT) if ts.is_relative_to(ROOT) else Path(tmp) / "i18n" / ts.name
        work_ts.parent.mkdir(parents=True, exist_ok=True)
        if ts.exists():
            shutil.copyfile(ts, work_ts)
        subprocess.run(["pylupdate5", "-noobsolete", *copies, "-ts", str(work_ts)], check=True)
        text = work_ts.read_text(encoding="utf-8")
    text = text.replace('<TS version="2.1">', '<TS version="2.1" language="zh_CN" sourcelanguage="en">')
    ts.write_text(text, encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ts", type=Path, default=TS, help="the .ts file to refresh (default: %(default)s)")
    update(parser.parse_args(argv).ts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
