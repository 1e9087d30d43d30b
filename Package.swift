// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "actionplan",
    // Linux only, so no `platforms:` claim. The storage code is plain POSIX (openat, flock, renameat) with
    // the few platform differences in Storage/Posix.swift, but the program is built, tested and run
    // only on Linux (CI, the shared council server; ncursesw from apt, /proc/self/fd for the plan-link
    // rule), and a platform no machine here builds is not one to claim. apple/swift-system was not
    // adopted: it has no openat/fstatat/flock/renameat, which the link-safe storage code is made of, so
    // it would wrap only read(2)/write(2) and leave the rest as C calls anyway.
    products: [
        .executable(name: "actionplan", targets: ["actionplan"]),
        .library(name: "ActionPlanCore", targets: ["ActionPlanCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        // Templates for the HTML report; it escapes {{ }} for HTML (see Report/HTMLReport.swift).
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // The config file (~/.config/actionplan/config.toml); parse errors come with line and column.
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // Word .docx and Excel .xlsx are zip packages of XML: import reads them (Import/Office; the
        // uncompressed size is checked while inflating, against zip bombs) and the committee paper is
        // written as one (Report/Docx/). Links zlib (zlib1g-dev).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Model, time scales, queries, JSON storage, import, reports. Foundation only: no terminal code.
        .target(
            name: "ActionPlanCore",
            dependencies: [
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
            // The report templates are Swift string constants (Report/Templates/*.swift), not bundle
            // resources: a binary copied to /usr/local/bin has no resource bundle beside it.
        ),
        // The interactive app as state + actions + a pure render(state, size) -> cell grid. No ncurses here.
        .target(name: "ActionPlanTUI", dependencies: ["ActionPlanCore"]),
        // ncursesw, wrapped by a small shim header (Swift 6 cannot touch C globals such as stdscr/LINES/COLS).
        .systemLibrary(
            name: "CNcurses",
            path: "Sources/CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .executableTarget(
            name: "actionplan",
            dependencies: [
                "ActionPlanCore", "ActionPlanTUI", "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildInfoPlugin"]
        ),
        // `actionplan --version`: the version (VERSION) and the git commit, generated before each build.
        .plugin(name: "BuildInfoPlugin", capability: .buildTool()),
        .executableTarget(
            name: "actionplan-bench",
            dependencies: ["ActionPlanCore", "ActionPlanTUI"],
            path: "Sources/actionplan-bench"
        ),
        // Helpers more than one test target needs (another user on a shared server, a git sandbox):
        // one copy instead of one per target.
        .target(name: "ActionPlanTestSupport", path: "Tests/ActionPlanTestSupport"),
        .testTarget(
            name: "ActionPlanCoreTests",
            dependencies: [
                "ActionPlanCore", "ActionPlanTestSupport", .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Golden", "PlanFixtures", "Fixtures"]
        ),
        // Snapshots/: whole-screen golden files (Tests/ActionPlanTUITests/Snapshot.swift; `make snapshots` re-records).
        .testTarget(name: "ActionPlanTUITests", dependencies: ["ActionPlanTUI", "ActionPlanCore", "ActionPlanTestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "ActionPlanCLITests", dependencies: ["ActionPlanCore", "ActionPlanTestSupport"], exclude: ["Golden"]),
        // The commands parsed in-process (as swift-argument-parser's AssertParseCommand does): the executable
        // target imported with @testable, no process started.
        .testTarget(name: "ActionPlanCommandTests", dependencies: ["actionplan", "ActionPlanCore"]),
    ]
)
