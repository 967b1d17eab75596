/// EC2's `InstanceAttributeName` values, checked the same way by DescribeInstanceAttribute and
/// ModifyInstanceAttribute.
enum InstanceAttributeName {
    /// `name` if EC2 has such an instance attribute; otherwise EC2's `InvalidParameterValue`
    /// ("Value (x) for parameter attribute is invalid. Unknown attribute.").
    static func check(_ name: String) throws(EC2Error) -> String {
        guard InstanceAttributeView.names.contains(name) else {
            throw EC2Error.invalidParameterValue("Value (\(XMLSafeName.clip(name))) for parameter attribute is invalid. Unknown attribute.")
        }
        return name
    }
}
