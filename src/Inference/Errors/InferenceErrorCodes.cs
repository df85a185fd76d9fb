namespace Governance.Inference.Errors;

/// <summary>Stable codes carried by <see cref="InferenceInputException.Code"/>; clients may switch on them.</summary>
public static class InferenceErrorCodes
{
    public const string MalformedRequest = "malformed_request";
    public const string UnknownInput = "unknown_input";
    public const string MissingInput = "missing_input";
    public const string DuplicateInput = "duplicate_input";
    public const string UnknownDatatype = "unknown_datatype";
    public const string DatatypeMismatch = "datatype_mismatch";
    public const string InvalidShape = "invalid_shape";
    public const string ShapeMismatch = "shape_mismatch";
    public const string TooLarge = "too_large";
    public const string MissingData = "missing_data";
    public const string InvalidData = "invalid_data";
    public const string InvalidElement = "invalid_element";
    public const string ElementCountMismatch = "element_count_mismatch";
    public const string RaggedData = "ragged_data";
    public const string UnknownOutput = "unknown_output";
    public const string DuplicateOutput = "duplicate_output";
    public const string RejectedByModel = "rejected_by_model";
}
