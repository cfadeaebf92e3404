package org.stabilitylab.engine.run;

/** Life cycle of a training run; DONE, DIVERGED, STOPPED and FAILED are final. */
public enum RunStatus {
    CREATED, RUNNING, PAUSED, DONE, DIVERGED, STOPPED, FAILED;

    public boolean isFinal() {
        return this == DONE || this == DIVERGED || this == STOPPED || this == FAILED;
    }
}
