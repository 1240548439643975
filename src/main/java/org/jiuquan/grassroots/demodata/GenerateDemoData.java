package org.jiuquan.grassroots.demodata;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command line: regenerates the synthetic files of a dataset from the inputs in geodata/.
 * {@code GenerateDemoData <geodata dir> [<output dir>] [<scale>]}; with only the first argument it
 * rewrites the committed demo (scale 1) in place.
 */
public final class GenerateDemoData {

    private GenerateDemoData() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: GenerateDemoData <geodata dir> [<output dir>] [<scale>]");
            System.exit(2);
        }
        Path inputs = Path.of(args[0]);
        Path output = args.length > 1 ? Path.of(args[1]) : inputs;
        int scale = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Dataset dataset = DemoDataGenerator.generate(scale,
                DatasetFiles.parseDistricts(Files.readString(inputs.resolve(DatasetFiles.DISTRICTS))),
                DatasetFiles.readIndicators(Files.readString(inputs.resolve(DatasetFiles.INDICATORS))),
                SeedFigure.parse(Files.readString(inputs.resolve(DatasetFiles.SEED_FIGURES))),
                Divisions.read(DatasetFiles.Source.directory(inputs)));
        DatasetFiles.writeGenerated(output, dataset);
        System.out.printf("wrote %d organisations, %d leaders, %d contact points to %s%n",
                dataset.organisations().size(), dataset.leaders().size(), dataset.contactPoints().size(), output);
    }
}
