namespace Heat.PowerShell.Fleet
{
    /// <summary>
    /// A reading cmdlet that may ask several clouds at once (-Cloud a, b, or several -Session): given more than one, it
    /// hands each record to <see cref="FleetFanOut"/> instead of working on it itself.
    /// </summary>
    internal interface IFleetReader
    {
    }
}
