import type { ReactNode } from 'react';
import type { ActivityTask } from '../../daemon-bridge/contract/updates.ts';
import { t } from '../i18n/strings.ts';
import type { PlainStringKey } from '../i18n/strings.ts';

type TaskState = 'done' | 'running' | 'unfinished';

/** A step that was not done when the transaction ended did not finish; it is not "in progress". */
function taskState(done: boolean, running: boolean): TaskState {
  if (done) return 'done';
  return running ? 'running' : 'unfinished';
}

const taskMarks: { readonly [S in TaskState]: string } = {
  done: '✓',
  running: '•',
  unfinished: '✕',
};
const taskLabels: { readonly [S in TaskState]: PlainStringKey } = {
  done: 'taskDone',
  running: 'taskRunning',
  unfinished: 'taskUnfinished',
};

/** The transaction's steps from TaskBegin/TaskEnd, each marked done, running or unfinished. */
export function ActivityTasks(props: {
  readonly tasks: readonly ActivityTask[];
  readonly running: boolean;
}): ReactNode {
  if (props.tasks.length === 0) return null;
  return (
    <ol className="tasks" aria-label={t('tasksLabel')}>
      {props.tasks.map((task, i) => {
        const state = taskState(task.done, props.running);
        return (
          <li key={`${i}-${task.text}`} className={`task task--${state}`}>
            <span className="task__mark" aria-hidden="true">
              {taskMarks[state]}
            </span>
            <span>{task.text}</span>
            <span className="visually-hidden">{t(taskLabels[state])}</span>
          </li>
        );
      })}
    </ol>
  );
}
