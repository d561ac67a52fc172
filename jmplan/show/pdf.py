"""The HTML report -> PDF, laid out for print by WeasyPrint.

WeasyPrint is the optional `pdf` extra, imported only here. It draws text
with the fonts installed on this machine: Chinese needs a CJK font
(Debian/Ubuntu: apt-get install fonts-noto-cjk). It fetches nothing: the
report's HTML is self-contained, and any other URL is refused.
"""

from __future__ import annotations

import logging

from ..i18n import Msg


class PdfUnavailable(RuntimeError):
    """WeasyPrint (or the Pango library it draws text with) is missing."""


def html_to_pdf(html: str) -> bytes:
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: WeasyPrint is there but Pango is not
        raise PdfUnavailable(Msg("pdf_needs_weasyprint", error=f"{type(exc).__name__}: {exc}")) from None

    def no_fetching(url: str, *args, **kwargs):
        raise ValueError(f"jmplan's reports fetch nothing ({url})")

    # WeasyPrint reports CSS it skips (print-only properties of other engines) as warnings
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return weasyprint.HTML(string=html, url_fetcher=no_fetching).write_pdf()
