import ActionPlanCore
import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Reviews: open a dated checkpoint, close it (freezing every target's status), list them.",
        discussion: """
        A review is opened with an as-at date and a title, the meeting goes through the targets \
        (actionplan set …), and closing it freezes the status, comment and forecast of every target into \
        the plan file. Closed reviews are what `summary --compare` and `report` measure the direction \
        of travel against. One review at a time may be open.
        """,
        subcommands: [Start.self, Close.self, List.self]
    )

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start",
            abstract: "Open the next review of a plan (refused while one is open)."
        )

        @OptionGroup var dataOptions: DataOptions
        @Argument(help: ArgumentHelp("The plan.", valueName: "plan-id"), completion: .planID) var planID: String
        @Option(help: "The review's as-at date (default: today); it becomes the plan's as-at date.") var asAt: DayArgument?
        @Option(help: "A title, e.g. \"DAAF January 2009\".") var title: String = ""

        func run() throws {
            try reportingErrors {
                let store = dataOptions.store()
                try requirePlan(planID, in: store)
                let asAt = self.asAt?.day ?? Day.today()
                let review = try store.update(planID) { plan in
                    try plan.startReview(asAt: asAt, title: title, openedAt: Timestamp.iso())
                }
                print(glyphs.clean("opened review \(review.number) of \(planID) as at \(review.asAt.longDescription)"
                    + (review.title.isEmpty ? "" : ": \(review.title)")))
                print("saved \(try store.path(for: planID))")
            }
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close",
            abstract: "Close the open review: freeze every target's status, comment and forecast into it."
        )

        @OptionGroup var dataOptions: DataOptions
        @Argument(help: ArgumentHelp("The plan.", valueName: "plan-id"), completion: .planID) var planID: String

        func run() throws {
            try reportingErrors {
                let store = dataOptions.store()
                try requirePlan(planID, in: store)
                let (review, tally) = try store.update(planID) { plan in
                    let review = try plan.closeReview(closedAt: Timestamp.iso())
                    return (review, plan.tally(of: review))
                }
                print("closed review \(review.number) of \(planID) as at \(review.asAt.longDescription): "
                    + "\(review.snapshot.count) targets frozen (\(tally.sentence))")
                print("saved \(try store.path(for: planID))")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "A plan's reviews: number, as-at date, title, open or closed, and the tallies of each snapshot."
        )

        @OptionGroup var dataOptions: DataOptions
        @Argument(help: ArgumentHelp("The plan.", valueName: "plan-id"), completion: .planID) var planID: String
        @Option(help: "Output format: text or json.") var format: OutputFormat = .text

        func validate() throws {
            if format == .csv { throw ValidationError("review list prints text or json, not csv") }
        }

        func run() throws {
            try reportingErrors {
                let plan = try dataOptions.store().load(planID).plan
                let reviews = plan.reviews.sorted { $0.number < $1.number }
                if format == .json {
                    printJSON(.array(reviews.map { r in
                        var m = [JSONMember("number", .number(Double(r.number))),
                                 JSONMember("asAt", .string(r.asAt.description)),
                                 JSONMember("title", .string(r.title)),
                                 JSONMember("open", .bool(r.isOpen)),
                                 JSONMember("openedAt", .string(r.openedAt)),
                                 JSONMember("tally", plan.tally(of: r).json)]
                        if let closed = r.closedAt { m.append(JSONMember("closedAt", .string(closed))) }
                        return .object(m)
                    }))
                    return
                }
                if reviews.isEmpty {
                    print("\(planID) has no reviews (open one with `actionplan review start \(planID)`).")
                    return
                }
                let table = TextTable(columns: ["NO", "AS AT", "STATE", "MET", "PART", "NOT", "N/A", "OVERDUE", "% MET", "TITLE"])
                for r in reviews {
                    let t = plan.tally(of: r)
                    let state = r.isOpen ? "open (now)" : "closed " + String(r.closedAt!.prefix(10))
                    table.add(["\(r.number)", r.asAt.description, state, "\(t.met)", "\(t.partiallyMet)", "\(t.notMet)",
                               "\(t.notAssessed)", "\(t.overdue)", "\(t.percentMet)%", r.title])
                }
                table.print(flexibleColumn: 9)
            }
        }
    }
}

/// A clear "no such plan" (exit 2) before a read-modify-write, which would otherwise report a missing file.
func requirePlan(_ id: String, in store: PlanStore) throws {
    let path = try store.path(for: id)
    guard access(path, F_OK) == 0 else { throw StoreError.planNotFound(id, available: (try? store.planIDs()) ?? []) }
}

extension Tally {
    /// "29 met, 1 partially met, 21 not met, 4 not assessed, 0 overdue".
    var sentence: String {
        "\(met) met, \(partiallyMet) partially met, \(notMet) not met, \(notAssessed) not assessed, \(overdue) overdue"
    }
}
