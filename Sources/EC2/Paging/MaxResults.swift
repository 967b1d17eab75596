/// Validates `MaxResults` against an action's bounds (EC2's Describe actions mostly take 5…1000).
public enum MaxResults {
    /// `value` if within `range`; `nil` (no paging: EC2 returns every result) if absent.
    ///
    /// Out of range is `InvalidParameterValue` naming the parameter and its bounds.
    public static func validate(_ value: Int?, range: ClosedRange<Int> = 5...1000, name: String = "MaxResults") throws(EC2Error) -> Int? {
        guard let value else { return nil }
        guard range.contains(value) else {
            throw EC2Error.invalidParameterValue(
                "Value ( \(value) ) for parameter \(name) is invalid. Expecting a value between \(range.lowerBound) and \(range.upperBound)."
            )
        }
        return value
    }
}
