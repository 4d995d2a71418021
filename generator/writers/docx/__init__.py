"""The DOCX writers: `version.render_docx` (a consolidated version) and `redline.render_diff_docx`
(the tracked changes of a diff), on one foundation: `package` (parts, properties, dated zip),
`styles` (styles, fonts, page layouts), `layout` (page set-up, landscape sections), `tables` and
`oxml` (paragraphs, runs, fields)."""
