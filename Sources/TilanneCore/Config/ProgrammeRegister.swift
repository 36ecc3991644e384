/// The programme's own list of themes and numbered goals with their official titles.
public struct ProgrammeRegister: Sendable, Codable {
    /// How the binding budget goal is introduced in the report, e.g. `Sitova tavoite TA2021`.
    public var bindingGoalLabel: String
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
}

public struct RegisteredGoal: Sendable, Codable, Hashable {
    public var number: Int
    public var title: String
    public var bindingGoal: String?
}
