using Sockit.Cli.Rendering;

namespace Sockit.Cli.Tour;

/// <summary>Lesson step 1: the services database, getservbyname and getservbyport.</summary>
internal sealed class ServicesStep : ITourStep
{
    public string Title => "Services: which port does a service use?";

    public Task<TourStep> RunAsync(int number, TourOptions options, CancellationToken cancellationToken)
    {
        TourLine[] lines =
        [
            TourLine.Checked("socket.getservbyname('ssh')", "Py.GetServByName(\"ssh\")", PyRepr.Int(Py.GetServByName("ssh"))),
            TourLine.Checked("socket.getservbyport(80)", "Py.GetServByPort(80)", PyRepr.Str(Py.GetServByPort(80))),
        ];
        var source = Services.ServicesDatabase.System.Source;
        return Task.FromResult(new TourStep(number, Title,
            "The OS keeps a database of well-known services and their ports; both directions are one lookup.",
            lines,
            [$"sockit read {source} (`sockit service --list` shows it all)"]));
    }
}
