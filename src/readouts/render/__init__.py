"""Render: SiteGraph → the files of site/. The only stage that knows about HTML."""
