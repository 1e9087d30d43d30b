#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ActionPlanCore

/// The formats `r` can write; HTML is the default (the committee's copy).
public enum ReportFileFormat: String, Sendable, CaseIterable {
    case html, md, csv

    public var fileExtension: String { rawValue }

    public var name: String {
        switch self {
        case .html: return "HTML"
        case .md: return "Markdown"
        case .csv: return "CSV"
        }
    }

    public var purpose: String {
        switch self {
        case .html: return "for the committee: screen and A4 print"
        case .md: return "renders on GitHub and in most editors"
        case .csv: return "one row per target, for Excel"
        }
    }

    /// The key that picks it in the report prompt.
    public var key: Character {
        switch self {
        case .html: return "h"
        case .md: return "m"
        case .csv: return "c"
        }
    }
}

/// Writes done for reviews and reports, performed by `EffectRunner` through the core: reviews with
/// `PlanStore.update` and the `ReviewLifecycle` functions, as `actionplan review` does; reports with
/// `ProgressReport` and `AtomicWriter`, as `actionplan report -o` does.
public enum ReviewEffect: Sendable {
    /// Opens the next review as at `asAt` (it becomes the plan's as-at date).
    case start(planID: String, asAt: Day, title: String)
    /// Closes the open review: every target's status, comment and forecast frozen into its snapshot.
    case close(planID: String)
    /// Writes the report of `plan` (the position on screen) to `reports/<fileName>` in the data directory.
    case writeReport(plan: Plan, format: ReportFileFormat, today: Day, fileName: String)
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
                let review = try store.update(id) { plan in
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
        case .writeReport(let plan, let format, let today, let fileName):
            let folder = "\(store.directory)/\(EffectRunner.reportsFolder)"
            if mkdir(folder, 0o777) != 0 && errno != EEXIST {
                let reason = String(cString: strerror(errno))
                return [.review(.failed(planID: plan.id, action: "write the report", message: "cannot create \(folder): \(reason)"))]
            }
            let path = "\(folder)/\(fileName)"
            do {
                let report = try ProgressReport(plan: plan, options: ReportOptions(today: today))
                let text: String
                switch format {
                case .html: text = HTMLReport.render(report)
                case .md: text = MarkdownReport.render(report)
                case .csv: text = CSVReport.render(report, byteOrderMark: true)
                }
                try store.writer.write(Array(text.utf8), to: path)
                return [.review(.reportWritten(planID: plan.id, path: path, format: format))]
            } catch {
                return [.review(.failed(planID: plan.id, action: "write the report", message: "\(error)"))]
            }
        }
    }
}
