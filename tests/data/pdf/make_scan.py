"""How scan-kk.pdf was made (run with Debian's /usr/bin/python3, which has img2pdf and PIL):

The seed's first paragraphs are laid out on an A5 page (tests/core/pdf_make.py), rasterised
in grey with pdftoppm at 150 dpi, given Gaussian noise (sigma 18) and 0.3 % salt and pepper,
rotated by 0.4 degrees like a sheet fed crooked, saved as JPEG and wrapped in an image-only
PDF with img2pdf. ``scan-kk.txt`` is the text that was printed (the truth for accuracy).

    .venv/bin/python -c "import tests.data.pdf.make_scan as m; m.layout()"
    /usr/bin/python3 tests/data/pdf/make_scan.py
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SEED = next((ROOT / "seeds").glob("*.txt"))


def truth() -> list[str]:
    paras = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()]
    return paras[:3]


def layout() -> None:
    """Step 1 (the project's venv, Qt): the printed page."""
    sys.path.insert(0, str(ROOT))
    from tests.core.pdf_make import write_book

    write_book(Path("/tmp/scan-print.pdf"), truth(), size=12)
    (HERE / "scan-kk.txt").write_text("\n".join(truth()) + "\n", encoding="utf-8")


def scan(dpi: int = 150, out: Path = HERE / "scan-kk.pdf") -> None:
    """Step 2 (Debian's /usr/bin/python3: PIL, img2pdf): rasterise, add noise, wrap."""
    import random

    import img2pdf  # type: ignore[import-not-found]
    from PIL import Image, ImageChops  # type: ignore[import-not-found]

    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-gray",
            "-f",
            "1",
            "-l",
            "1",
            "-png",
            "/tmp/scan-print.pdf",
            "/tmp/scan-page",
        ],
        check=True,
    )
    page = next(Path("/tmp").glob("scan-page*.png"))
    img = Image.open(page).convert("L").rotate(0.4, fillcolor=255, resample=Image.BICUBIC)
    noise = Image.effect_noise(img.size, 18)  # Gaussian around 128
    img = ImageChops.add(img, noise, scale=1.0, offset=-128)
    rng = random.Random(7)
    pixels = img.load()
    for _ in range(img.width * img.height * 3 // 1000):
        pixels[rng.randrange(img.width), rng.randrange(img.height)] = rng.choice((0, 255))
    img.save("/tmp/scan-page.jpg", quality=40)
    layout_ = img2pdf.get_fixed_dpi_layout_fun((dpi, dpi))
    out.write_bytes(img2pdf.convert("/tmp/scan-page.jpg", layout_fun=layout_))
    page.unlink()


if __name__ == "__main__":  # make_scan.py [DPI [OUT.pdf]]
    scan(
        int(sys.argv[1]) if len(sys.argv) > 1 else 150,
        Path(sys.argv[2]) if len(sys.argv) > 2 else HERE / "scan-kk.pdf",
    )
