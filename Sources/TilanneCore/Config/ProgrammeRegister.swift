/// The programme's own list of themes and numbered goals with their official titles.
public struct ProgrammeRegister: Sendable, Codable {
    /// How the binding budget goal is introduced in the report, e.g. `Sitova tavoite TA2021`.
    public var bindingGoalLabel: String
    /// The label in the other report languages (`binding_goal_label_sv`).
    public var bindingGoalLabels: [ReportLanguage: String] = [:]
    public var themes: [RegisteredTheme]

    public func goal(number: Int) -> (theme: RegisteredTheme, goal: RegisteredGoal)? {
        for theme in themes {
            if let goal = theme.goals.first(where: { $0.number == number }) { return (theme, goal) }
        }
        return nil
    }
}

public struct RegisteredTheme: Sendable, Codable, Hashable {
    public var title: String
    public var goals: [RegisteredGoal]
    /// The title in the other report languages (`title_sv`).
    public var titles: [ReportLanguage: String] = [:]
}

public struct RegisteredGoal: Sendable, Codable, Hashable {
    public var number: Int
    public var title: String
    public var bindingGoal: String?
    public var titles: [ReportLanguage: String] = [:]
}
