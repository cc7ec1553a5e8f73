"""A synthetic A4 document page: paper grain, lines of dark text, a red seal.

Stands in for a scanned application form when measuring compression (tests, benchmarks): a
blank page would compress unrealistically well, a photo unrealistically badly.
"""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFilter, ImageFont

A4_MM = (210, 297)
MM_PER_INCH = 25.4


def a4_pixels(dpi: int) -> tuple[int, int]:
    return round(A4_MM[0] / MM_PER_INCH * dpi), round(A4_MM[1] / MM_PER_INCH * dpi)


def document_page(dpi: int = 200) -> Image.Image:
    width, height = a4_pixels(dpi)
    grain = Image.effect_noise((width, height), 6).point(lambda v: 235 + (v - 128) // 8)
    page = Image.merge("RGB", (grain, grain, grain))
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=dpi // 9)
    line, y = 0, dpi
    while y < height - dpi:
        text = f"Applicant statement, line {line}: the undersigned declares 0123456789"
        draw.text((dpi * 0.8, y), text, fill=(25, 25, 30), font=font)
        y += dpi // 5
        line += 1
    r = dpi // 2
    seal = (width - 3 * r, height - 4 * r, width - r, height - 2 * r)
    draw.ellipse(seal, outline=(200, 30, 30), width=dpi // 30)
    page = page.filter(ImageFilter.GaussianBlur(0.6))
    page.info["dpi"] = (dpi, dpi)
    return page
