import ActionPlanCore

/// `d`: "Remove …?" over the tree, saying what goes and how many targets with it. Its keys are
/// `KeyMap.confirmRemove`; `y` removes (and `u` undoes it), anything else keeps the item.
public struct RemoveConfirm: Sendable, Equatable {
    public var node: NodeID
    /// Its stable id: what is removed, even if someone else's change moved it meanwhile.
    public var item: String
    /// "target t3", "objective 1.", "Key Issue 2".
    public var name: String
    /// The item's text, as a reminder of what it is.
    public var text: String
    /// How many targets go with it (1 for a target).
    public var targets: Int

    public enum Output: Sendable, Equatable {
        case stay(Message)
        case keep
        case remove
    }

    public func handle(_ input: KeyInput) -> Output {
        switch input.command {
        case .confirm?: return .remove
        case .cancel?: return .keep
        default:
            return .stay(Message("\(KeyTable.firstKey(for: .confirm, in: .confirmRemove)) removes \(name); n or Esc keeps it"))
        }
    }

    /// "It holds 3 targets, which go with it." — what the box says beyond the name.
    public var consequence: String {
        if case .target = node { return "Its status, comment, forecast and history go with it." }
        switch targets {
        case 0: return "It holds no targets."
        case 1: return "It holds 1 target, which goes with it."
        default: return "It holds \(targets) targets, which all go with it."
        }
    }
}
