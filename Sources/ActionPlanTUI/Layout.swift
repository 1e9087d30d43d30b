/// A rectangle of the screen.
public struct Rect: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var bottom: Int { row + height }
}

/// Where everything goes for a screen size: header (title, tallies/filters, breadcrumb), the body
/// (tree and detail pane, side by side when wide, stacked when narrow) and the status bar.
public struct Layout: Sendable {
    public static let minWidth = 60
    public static let minHeight = 16
    /// At this width and above the detail pane sits beside the tree.
    public static let sideBySideWidth = 100
    public static let headerHeight = 3

    public let size: Size

    public init(_ size: Size) { self.size = size }

    public var isTooSmall: Bool { size.width < Layout.minWidth || size.height < Layout.minHeight }
    public var isWide: Bool { size.width >= Layout.sideBySideWidth }

    public var statusRow: Int { size.height - 1 }

    /// Everything between the header and the status bar.
    public var body: Rect {
        Rect(row: Layout.headerHeight, column: 0, width: size.width, height: size.height - Layout.headerHeight - 1)
    }

    public var tree: Rect {
        let b = body
        if isWide { return Rect(row: b.row, column: 0, width: size.width * 62 / 100, height: b.height) }
        return Rect(row: b.row, column: 0, width: size.width, height: max(3, b.height * 55 / 100))
    }

    /// The divider: a column when wide, a row when narrow.
    public var divider: Rect {
        let t = tree
        if isWide { return Rect(row: t.row, column: t.width, width: 1, height: t.height) }
        return Rect(row: t.bottom, column: 0, width: size.width, height: 1)
    }

    public var detail: Rect {
        let t = tree
        let b = body
        if isWide { return Rect(row: b.row, column: t.width + 1, width: size.width - t.width - 1, height: b.height) }
        return Rect(row: t.bottom + 1, column: 0, width: size.width, height: b.bottom - t.bottom - 1)
    }

    /// Lines a page key moves in the tree.
    public var treePage: Int { max(1, tree.height - 1) }
}
