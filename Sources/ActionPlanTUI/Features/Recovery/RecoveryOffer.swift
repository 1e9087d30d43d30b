import ActionPlanCore

/// The offer of text left in the editor by an earlier session (`Mode.recoveryOffer`): restore it
/// into the editor, discard it, or decide later. Its keys are `KeyMap.recovery`.
enum RecoveryOffer {
    enum Choice: Equatable { case restore, discard, later, undecided }

    static func choice(_ input: KeyInput) -> Choice {
        switch input.command {
        case .restoreRecovery?: return .restore
        case .discardRecovery?: return .discard
        case .decideLater?: return .later
        default: return .undecided
        }
    }
}

extension AppState {
    mutating func recoveryInput(_ input: KeyInput, offer: EditRecovery, _ fx: inout [Effect]) {
        let what = offer.field == .comment ? "comment" : "forecast"
        switch RecoveryOffer.choice(input) {
        case .restore:
            mode = .normal
            guard let target = doc?.plan.target(id: offer.targetID) else {
                message = Message("Target \(clean(offer.targetID)) is no longer in the plan; the text stays in "
                                  + ".\(offer.planID).recovery.json beside the plan", isError: true)
                return
            }
            fx.append(.session(.discardRecovery(planID: offer.planID)))
            let current = target.value(of: offer.field)
            if current == offer.text {
                message = Message("The recovered \(what) is already saved; nothing to restore")
                return
            }
            reveal(.target(offer.targetID))
            mode = .editing(EditSession(targetID: offer.targetID, field: offer.field, original: current, editor: LineEditor(offer.text)))
        case .discard:
            mode = .normal
            fx.append(.session(.discardRecovery(planID: offer.planID)))
            message = Message("Discarded the unsaved \(what) for \(clean(offer.targetID))")
        case .later:
            mode = .normal
            message = Message("Kept for later: the unsaved \(what) is offered again when this plan is next opened")
        case .undecided:
            let restore = KeyTable.keys(for: .restoreRecovery).replacing(" / ", with: " or ")
            message = Message("\(restore) restores the text into the editor; \(KeyTable.keys(for: .discardRecovery)) discards it; "
                              + "\(KeyTable.keys(for: .decideLater)) decides later")
        }
    }
}
