/// The committee paper as GitHub-flavoured Markdown: the covering report, a rule, then "Appendix 1" and
/// the progress report (`MarkdownReport`). Every data string goes through `ReportText.markdown`; a
/// placeholder is bold, in brackets, so it cannot be read as content.
public enum PaperMarkdown {
    public static func render(_ paper: CommitteePaper) -> String {
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        func md(_ s: String) -> String { ReportText.markdown(s) }
        func text(_ t: CommitteePaper.Text) -> String { t.isPlaceholder ? "**\(md(t.text))**" : md(t.text) }

        line("# " + md(paper.title))
        line()
        for f in paper.fields {
            line("**\(md(f.label)):** " + f.lines.map(text).joined(separator: "<br>"))
            line()
        }
        for s in paper.sections {
            line("## \(s.number) \(md(s.heading))")
            line()
            for p in s.paragraphs {
                line("\(p.number) " + md(p.text))
                line()
                if !p.bullets.isEmpty {
                    for b in p.bullets { line("- " + md(b)) }
                    line()
                }
            }
        }
        line("## Recommendations")
        line()
        for r in paper.recommendations {
            line(text(r))
            line()
        }
        line(paper.contact.map(text).joined(separator: "<br>"))
        line()
        line("**Background Documents:**")
        line()
        for d in paper.backgroundDocuments { line("- " + md(d)) }
        line()
        line("---")
        line()
        line("**\(md(paper.appendixLabel))**")
        line()
        out += MarkdownReport.render(paper.appendix)
        return out
    }
}
