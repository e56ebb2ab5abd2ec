"""The README is a front door and the manual a site that cannot drift from the code (issue 31 §4): the README stays
short and its links lead somewhere; the generated parameter reference names every algorithm, parameter and output
that Processing itself lists, in English and in Chinese; and the site's build fails on a broken link or anchor."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

SYS_PY = "/usr/bin/python3"
MKDOCS = [sys.executable, "-m", "mkdocs"]


def _mkdocs_available() -> bool:
    return subprocess.run([*MKDOCS, "--version"], capture_output=True).returncode == 0


def test_the_readme_is_a_front_door():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 250
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    for needed in ("What it does", "Two commands", "Install", "Five minutes", "QGIS versions", "Architecture", "Links"):
        assert any(h.startswith(needed) for h in headings), needed
    assert "make demo" in text and "make test" in text
    assert re.search(r"!\[[^\]]*\]\(docs/manual/images/[^)]+\)", text), "a screenshot"


def test_every_relative_link_of_the_readme_and_the_manual_leads_to_a_file():
    pages = [ROOT / "README.md", *sorted((ROOT / "docs" / "manual").rglob("*.md"))]
    missing = []
    for page in pages:
        text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            path = target.split("#", 1)[0]
            generated = any(part in path for part in ("reference/", "changelog.md", "images/help/"))
            if not generated and not (page.parent / path).exists():
                missing.append(f"{page.relative_to(ROOT)} → {target}")
    assert missing == []


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The manual copied aside and its reference pages generated there, as `make docs` does."""
    manual = tmp_path_factory.mktemp("docs") / "manual"
    shutil.copytree(ROOT / "docs" / "manual", manual, ignore=shutil.ignore_patterns("reference", "changelog.md"))
    done = subprocess.run([SYS_PY, str(ROOT / "docs" / "generate.py"), str(manual)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return manual


def _registry():
    """Every algorithm and model of the provider, as Processing lists them (id -> (inputs, outputs))."""
    from qgis.core import QgsApplication

    from resilience_plugin.processing.standalone import start_qgis

    start_qgis()
    provider = QgsApplication.processingRegistry().providerById("resilience")
    found = {}
    for alg in provider.algorithms():
        alg = alg.create()
        outputs = {p.name() for p in alg.destinationParameterDefinitions()}
        found[alg.id()] = ({p.name() for p in alg.parameterDefinitions()} - outputs, outputs)
    return found


def _sections(folder: Path) -> dict:
    """algorithm id -> the text of its section, over every reference page in ``folder``."""
    sections = {}
    for page in folder.glob("*.md"):
        for part in re.split(r"^## ", page.read_text(encoding="utf-8"), flags=re.M)[1:]:
            found = re.search(r"^`(resilience:\w+)`$", part, flags=re.M)
            if found:
                sections[found.group(1)] = part
    return sections


def test_the_reference_lists_every_algorithm_its_parameters_and_outputs_in_both_languages(generated):
    registry = _registry()
    assert len(registry) >= 15
    for folder in (generated / "reference", generated / "zh" / "reference"):
        sections = _sections(folder)
        assert set(sections) == set(registry), folder
        for alg_id, (inputs, outputs) in registry.items():
            text = sections[alg_id]
            params, outs = text.split("\n### ")[1], text.split("\n### ")[2]
            assert set(re.findall(r"^\| `([^`]+)` \|", params, flags=re.M)) == inputs, alg_id
            assert set(re.findall(r"^\| `([^`]+)` \|", outs, flags=re.M)) == outputs, alg_id


def test_the_chinese_reference_is_the_chinese_help(generated):
    from qgis.core import QgsApplication

    from resilience_plugin.qgisside.translation import install_translator, remove_translator

    _registry()
    translator = install_translator("zh_CN")
    try:
        alg = QgsApplication.processingRegistry().algorithmById("resilience:evacuation").create()
        name, help_text = alg.displayName(), alg.shortHelpString()
    finally:
        remove_translator(translator)
    text = _sections(generated / "zh" / "reference")["resilience:evacuation"]
    assert text.startswith(name) and "避险转移" in name
    assert help_text.split("\n\n")[0][:60] in text
    english = _sections(generated / "reference")["resilience:evacuation"]
    assert not re.search(r"[\u4e00-\u9fff]{6}", english.split("\n\n")[2][:40]), "the English page is in English"


def test_the_profile_page_gives_every_value_with_its_source(generated):
    from resilience_plugin.core.profile import load_profile

    text = (generated / "reference" / "profile.md").read_text(encoding="utf-8")
    for q in load_profile().quantities():
        row = re.search(r"^\| `" + re.escape(q.key) + r"` \|(.*)$", text, flags=re.M)
        assert row, q.key
        assert q.unit.replace("|", "\\|") in row.group(1) and q.confidence in row.group(1)


@pytest.mark.skipif(not _mkdocs_available(), reason="mkdocs is not installed (make setup installs it into .venv)")
def test_the_site_builds_and_fails_on_a_broken_link_or_anchor(generated, tmp_path):
    config = (ROOT / "docs" / "mkdocs.yml").read_text(encoding="utf-8")
    site = generated.parent
    (site / "mkdocs.yml").write_text(config.replace("site_dir: ../build/site", f"site_dir: {tmp_path / 'site'}"), encoding="utf-8")

    def build():
        return subprocess.run([*MKDOCS, "build", "--strict"], cwd=site, capture_output=True, text=True, timeout=300)

    done = build()
    assert done.returncode == 0, done.stderr[-3000:]
    assert (tmp_path / "site" / "reference" / "transfer.html").is_file()
    assert (tmp_path / "site" / "zh" / "reference" / "transfer.html").is_file()

    page = generated / "units.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good + "\nSee [the clusters](clusters.md#no-such-heading).\n", encoding="utf-8")
    done = build()
    assert done.returncode != 0 and "no-such-heading" in done.stdout + done.stderr
    page.write_text(good + "\nSee [the clusters](no_such_page.md).\n", encoding="utf-8")
    done = build()
    assert done.returncode != 0 and "no_such_page.md" in done.stdout + done.stderr
    page.write_text(good, encoding="utf-8")
