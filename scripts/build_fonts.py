"""Rebuild site/static/fonts/ from the @fontsource packages on npm.

    python scripts/build_fonts.py            # needs npm and the network (npm registry)

Writes one stylesheet per script (latin.css, lao.css, khmer.css, sc.css, jp.css, kr.css),
each ``@font-face`` with ``local()`` first so an installed system font costs no download,
and fonts.css, all of them together, for the admin. The public pages load latin.css plus
the stylesheet of their language only (``cms.core.languages.font_stylesheets``).
"""

import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "5.3.0"
FONTS = Path(__file__).resolve().parent.parent / "site" / "static" / "fonts"

# stylesheet: (package, family, local names, weights, which subsets)
SCRIPTS = {
    "latin": (
        "noto-sans",
        "Noto Sans",
        ("Noto Sans",),
        (400, 700),
        ("latin", "latin-ext", "vietnamese", "cyrillic", "cyrillic-ext"),
    ),
    "lao": ("noto-sans-lao", "Noto Sans Lao", ("Noto Sans Lao",), (400, 700), ("lao",)),
    "khmer": ("noto-sans-khmer", "Noto Sans Khmer", ("Noto Sans Khmer",), (400, 700), ("khmer",)),
    "sc": ("noto-sans-sc", "Noto Sans SC", ("Noto Sans SC", "Noto Sans CJK SC"), (400,), None),
    "jp": ("noto-sans-jp", "Noto Sans JP", ("Noto Sans JP", "Noto Sans CJK JP"), (400,), None),
    "kr": ("noto-sans-kr", "Noto Sans KR", ("Noto Sans KR", "Noto Sans CJK KR"), (400,), None),
}
FACE = re.compile(r"/\* (?P<name>[^*]+) \*/\s*@font-face \{(?P<body>[^}]*)\}")


def fetch(package: str, into: Path) -> Path:
    subprocess.run(
        ["npm", "pack", "--silent", f"@fontsource/{package}@{VERSION}"],
        cwd=into,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    target = into / package
    with tarfile.open(into / f"fontsource-{package}-{VERSION}.tgz") as archive:
        archive.extractall(target, filter="data")
    return target / "package"


def faces(root: Path, family: str, local_names, weights, subsets) -> list[tuple[str, str]]:
    """(css, woff2 file name) per face; CJK: the numbered subsets (Latin comes from Noto Sans)."""
    found = []
    for weight in weights:
        for match in FACE.finditer((root / f"{weight}.css").read_text("utf-8")):
            name = match["name"].strip()
            subset = name.removeprefix(f"{root.parent.name}-").rsplit(f"-{weight}-", 1)[0]
            wanted = subset in subsets if subsets else re.fullmatch(r"\[\d+\]", subset)
            if not wanted:
                continue
            file_name = re.search(r"files/([^)]+\.woff2)", match["body"])[1]
            names = local_names if weight == 400 else [f"{n} Bold" for n in local_names]
            local = ", ".join(f"local('{n}')" for n in names)
            src = f"src: {local}, url(./{file_name}) format('woff2');"
            body = re.sub(r"src:[^;]+;", src, match["body"])
            found.append((f"/* {name} */\n@font-face {{{body}}}\n", file_name))
    return found


def main() -> int:
    with tempfile.TemporaryDirectory() as temp:
        every = []
        for sheet, (package, family, local_names, weights, subsets) in SCRIPTS.items():
            root = fetch(package, Path(temp))
            found = faces(root, family, local_names, weights, subsets)
            for _css, file_name in found:
                shutil.copyfile(root / "files" / file_name, FONTS / file_name)
            css = f"/* {family}, @fontsource/{package} {VERSION} (SIL OFL 1.1) */\n" + "\n".join(
                css for css, _file in found
            )
            (FONTS / f"{sheet}.css").write_text(css, "utf-8")
            every.append(css)
            sys.stdout.write(f"{sheet}.css: {len(found)} faces\n")
        (FONTS / "fonts.css").write_text("\n".join(every), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
