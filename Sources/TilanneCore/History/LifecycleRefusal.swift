/// A lifecycle command the period's state does not allow. Nothing was changed; the exit code is
/// its own (11), and the text (made in the run's language at the edge) says what to do instead.
public enum LifecycleRefusal: Error, Sendable, Equatable {
    /// `freeze` of a period that was never published: there is nothing the council saw.
    case notPublished(period: String)
    /// `freeze` when the inputs or configuration changed since the publication.
    case inputsChanged(period: String, publishedAt: String, changes: [InputChange])
    /// `period open` with a label that is not after the current period.
    case notLater(label: String, current: String)
    /// `period open` while the current period is not frozen (without `--force`).
    case currentNotFrozen(period: String, state: PeriodState)
    /// `unfreeze` of a period that is not frozen.
    case notFrozen(period: String)
    /// `unfreeze` of a period a later frozen period was compared with.
    case laterPeriodFrozen(period: String, later: String)
    /// `unfreeze` without confirmation.
    case notConfirmed(period: String)
}
