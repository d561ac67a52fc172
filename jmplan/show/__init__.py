"""Present: assessments -> tables, text, Markdown, CSV, JSON, HTML, charts."""
