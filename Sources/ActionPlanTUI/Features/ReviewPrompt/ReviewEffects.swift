#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ActionPlanCore

/// The formats `r` can write; HTML is the default (the committee's copy).
public enum ReportFileFormat: String, Sendable, CaseIterable {
    case html, docx, pdf, md, csv

    public var fileExtension: String { rawValue }

    public var name: String {
        switch self {
        case .html: return "HTML"
        case .docx: return "Word"
        case .pdf: return "PDF"
        case .md: return "Markdown"
        case .csv: return "CSV"
        }
    }

    public var purpose: String {
        switch self {
        case .html: return "for the committee: screen and A4 print"
        case .docx: return "for the clerk: a Word document"
        case .pdf: return "printed by LibreOffice; takes a few seconds"
        case .md: return "renders on GitHub and in most editors"
        case .csv: return "one row per target, for Excel"
        }
    }

    /// The key that picks it in the report prompt.
    public var key: Character {
        switch self {
        case .html: return "h"
        case .docx: return "w"
        case .pdf: return "p"
        case .md: return "m"
        case .csv: return "c"
        }
    }

    /// The core's format.
    public var document: ReportDocument.Format {
        switch self {
        case .html: return .html
        case .docx: return .docx
        case .pdf: return .pdf
        case .md: return .md
        case .csv: return .csv
        }
    }
}

/// What `r` writes besides the format: the appendix alone or the whole committee paper, and the
/// options `actionplan report` has (`--exceptions`, `--officer`: the tree's officer filter).
public struct ReportChoice: Sendable, Equatable {
    /// The highlighted format (an index into `ReportFileFormat.allCases`).
    public var selection = 0
    /// The covering report with the progress report as its Appendix 1 (else the appendix alone).
    public var paper = false
    public var exceptionsOnly = false
    /// Only the targets of the tree's officer filter (nil: every target).
    public var officer: String?

    public init(selection: Int = 0, paper: Bool = false, exceptionsOnly: Bool = false, officer: String? = nil) {
        self.selection = selection
        self.paper = paper
        self.exceptionsOnly = exceptionsOnly
        self.officer = officer
    }

    /// CSV is one row per target: the paper has no CSV form.
    public var formats: [ReportFileFormat] { ReportFileFormat.allCases.filter { !paper || $0 != .csv } }

    public var format: ReportFileFormat { formats[max(0, min(selection, formats.count - 1))] }
}

/// Writes done for reviews and reports, performed by `EffectRunner` through the core: reviews with
/// `PlanStore.update` and the `ReviewLifecycle` functions, as `actionplan review` does; reports with
/// `ProgressReport` and `AtomicWriter`, as `actionplan report -o` does.
public enum ReviewEffect: Sendable {
    /// Opens the next review as at `asAt` (it becomes the plan's as-at date).
    case start(planID: String, asAt: Day, title: String)
    /// Closes the open review: every target's status, comment and forecast frozen into its snapshot.
    case close(planID: String)
    /// Writes the report of `plan` (the position on screen) to `reports/<fileName>` in the data directory:
    /// the appendix or the paper (with the plan's remembered paper fields, dated `today`), narrowed as `choice` says.
    case writeReport(plan: Plan, format: ReportFileFormat, today: Day, fileName: String, choice: ReportChoice)
}

/// What a `ReviewEffect` did, fed back to `update`.
public enum ReviewOutcome: Sendable {
    /// `loaded` is the plan as saved (nil if it could not be read back: the next disk check reloads it).
    case started(planID: String, review: Review, loaded: PlanFile.Loaded?)
    case closed(planID: String, review: Review, tally: Tally, loaded: PlanFile.Loaded?)
    case reportWritten(planID: String, path: String, format: ReportFileFormat)
    /// `action` is "start a review", "close the review" or "write the report".
    case failed(planID: String, action: String, message: String)
}

extension EffectRunner {
    /// The folder inside the data directory that reports are written to (never a plan file name: plans are `*.json` beside it).
    public static let reportsFolder = "reports"

    func performReview(_ effect: ReviewEffect) -> [Event] {
        switch effect {
        case .start(let id, let asAt, let title):
            do {
                let review = try store.update(id, pinningReviewStart: true) { plan in
                    try plan.startReview(asAt: asAt, title: title, openedAt: Timestamp.iso())
                }
                return [.review(.started(planID: id, review: review, loaded: try? store.load(id)))]
            } catch {
                return [.review(.failed(planID: id, action: "start a review", message: "\(error)"))]
            }
        case .close(let id):
            do {
                let (review, tally) = try store.update(id) { plan in
                    let review = try plan.closeReview(closedAt: Timestamp.iso())
                    return (review, plan.tally(of: review))
                }
                return [.review(.closed(planID: id, review: review, tally: tally, loaded: try? store.load(id)))]
            } catch {
                return [.review(.failed(planID: id, action: "close the review", message: "\(error)"))]
            }
        case .writeReport(let plan, let format, let today, let fileName, let choice):
            do {
                // The one path the command takes too (ReportDocument), so `r` and `actionplan report` agree.
                let options = ReportOptions(officer: choice.officer, exceptionsOnly: choice.exceptionsOnly, today: today)
                let bytes = try ReportDocument.render(plan: plan, options: options,
                                                      kind: choice.paper ? .paper(plan.paper, date: today) : .appendix,
                                                      format: format.document, byteOrderMark: format == .csv)
                // Through Storage: a `reports` link planted in a shared directory never redirects the write.
                let path = try store.writeOutput(bytes, folder: EffectRunner.reportsFolder, fileName: fileName)
                return [.review(.reportWritten(planID: plan.id, path: path, format: format))]
            } catch {
                return [.review(.failed(planID: plan.id, action: "write the report", message: "\(error)"))]
            }
        }
    }
}
