"""/docs (Swagger UI) works offline: its page and every asset it loads come from this server."""

from __future__ import annotations

import re


def test_docs_loads_only_same_host_assets(read_server):
    with read_server.client() as c:
        r = c.get("/docs")
        assert r.status_code == 200 and "text/html" in r.headers["content-type"]
        page = r.text
        assert "SwaggerUIBundle" in page
        assert "://" not in page, "no CDN or other host: the page must work offline"
        refs = re.findall(r"""(?:src|href)=["']([^"']+)["']""", page) + re.findall(r"url: '([^']+)'", page)
        assert {ref.rsplit(".", 1)[-1] for ref in refs} >= {"js", "css", "json"}
        for ref in refs:
            assert ref.startswith("/") and not ref.startswith("//"), ref
            asset = c.get(ref)
            assert asset.status_code == 200, ref
            assert len(asset.content) > 100, ref
        script = next(ref for ref in refs if ref.endswith(".js"))
        assert "SwaggerUIBundle" in c.get(script).text
        assert "javascript" in c.get(script).headers["content-type"]
        assert c.get(next(ref for ref in refs if ref.endswith(".css"))).headers["content-type"].startswith("text/css")
        assert c.get("/openapi.json").json()["paths"]["/sparql"]
        assert '"validatorUrl": null' in page  # Swagger UI would fetch a badge from swagger.io


def test_query_page_still_served_next_to_docs_assets(read_server):
    with read_server.client() as c:
        assert c.get("/static/app.js").status_code == 200
        assert c.get("/static/swagger-ui/nope.js").status_code == 404
