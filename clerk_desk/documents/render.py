"""Papers to HTML through the Jinja2 templates in ``resources/templates``.

The HTML keeps to the subset of HTML 4 and CSS that Qt's rich text (QTextDocument) lays out:
tables with ``border``/``cellpadding``, ``align``, font sizes in pt and
``page-break-before``. Autoescape is on, so a name like ``<b>李</b>`` prints literally.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import jinja2

from clerk_desk.documents.assisted_papers import AssistedSummaryPaper
from clerk_desk.documents.formatting import (
    case_rows,
    cn_date,
    cn_datetime,
    deadline_text,
    grid,
    yuan_figures,
)
from clerk_desk.documents.papers import Paper
from clerk_desk.documents.proxy_papers import ProxyPaper
from clerk_desk.documents.qr import qr_data_uri, qr_payload
from clerk_desk.resources import resource_path

# Every paper a template renders: the case's papers and the 帮办 summary.
Printable = Paper | AssistedSummaryPaper | ProxyPaper


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(resource_path("templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["cn_date"] = cn_date
    environment.filters["cn_datetime"] = cn_datetime
    environment.filters["deadline"] = deadline_text
    environment.filters["case_rows"] = case_rows
    environment.filters["grid"] = grid
    environment.filters["figures"] = lambda amount: yuan_figures(Decimal(amount))
    environment.filters["qr"] = qr_data_uri
    return environment


def render_html(paper: Printable) -> str:
    """The paper as one HTML document, ready for QTextDocument or a browser. A 代办's paper
    has no progress page: its QR code holds the 代办编号."""
    template = _environment().get_template(paper.template)
    if isinstance(paper, ProxyPaper):
        payload = paper.proxy.number
    else:
        payload = qr_payload(paper.header.progress_url, paper.case.case_no)
    return template.render(paper=paper, title=paper.title, qr_uri=qr_data_uri(payload))
