package org.stabilitylab.engine.config;

/**
 * A mutable copy of an {@link Experiment}, so the key registry can change one field at a time
 * without a copy constructor per record; only {@link Presets} and its helpers see it.
 */
final class Draft {
    int schema;
    String name;
    String description;
    String lesson;
    long seed;

    TaskKind taskKind;
    int vocab;
    int length;

    Arch arch;
    int encoderLayers;
    int decoderLayers;
    int dModel;
    int heads;
    int ffn;
    double dropout;
    Norm norm;
    Init init;
    Positions positions;

    OptimizerKind optimizer;
    double lr;
    double beta1;
    double beta2;
    double eps;
    double momentum;
    int warmup;
    Schedule schedule;
    int steps;
    int batch;
    double labelSmoothing;
    double clip;

    int probeEvery;
    double probeEps;
    int validateEvery;

    Sweep sweep = Sweep.NONE;

    /** Copies {@code e}; a missing section is reported as a missing key rather than a NullPointerException. */
    static Draft of(Experiment e) {
        requirePresent(e.task(), "task");
        requirePresent(e.model(), "model");
        requirePresent(e.train(), "train");
        requirePresent(e.probe(), "probe");
        Draft d = new Draft();
        d.schema = e.schema();
        d.name = e.name();
        d.description = e.description();
        d.lesson = e.lesson();
        d.seed = e.seed();
        TaskSpec t = e.task();
        d.taskKind = t.kind();
        d.vocab = t.vocab();
        d.length = t.length();
        ModelSpec m = e.model();
        d.arch = m.arch();
        d.encoderLayers = m.encoderLayers();
        d.decoderLayers = m.decoderLayers();
        d.dModel = m.dModel();
        d.heads = m.heads();
        d.ffn = m.ffn();
        d.dropout = m.dropout();
        d.norm = m.norm();
        d.init = m.init();
        d.positions = m.positions();
        TrainSpec r = e.train();
        d.optimizer = r.optimizer();
        d.lr = r.lr();
        d.beta1 = r.beta1();
        d.beta2 = r.beta2();
        d.eps = r.eps();
        d.momentum = r.momentum();
        d.warmup = r.warmup();
        d.schedule = r.schedule();
        d.steps = r.steps();
        d.batch = r.batch();
        d.labelSmoothing = r.labelSmoothing();
        d.clip = r.clip();
        d.probeEvery = e.probe().every();
        d.probeEps = e.probe().eps();
        d.validateEvery = e.probe().validateEvery();
        d.sweep = e.sweep();
        return d;
    }

    Experiment build() {
        return new Experiment(schema, name, description, lesson, seed,
                new TaskSpec(taskKind, vocab, length),
                new ModelSpec(arch, encoderLayers, decoderLayers, dModel, heads, ffn, dropout, norm, init, positions),
                new TrainSpec(optimizer, lr, beta1, beta2, eps, momentum, warmup, schedule, steps, batch,
                        labelSmoothing, clip),
                new ProbeSpec(probeEvery, probeEps, validateEvery), sweep);
    }

    private static void requirePresent(Object section, String key) {
        if (section == null) {
            throw new BadInputException(key, "missing");
        }
    }
}
