"""Reading inputs: files and folders of text, Markdown, HTML, JSON Lines and WARC."""
