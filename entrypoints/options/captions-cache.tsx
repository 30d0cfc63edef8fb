import { useEffect, useState } from 'preact/hooks';
import { CaptionsCacheSection } from '../../components/CaptionsCacheSection';
import { describeError } from '../../lib/format/describe-error';
import { sendRequest } from '../../lib/messaging/client';

/** Wires the captions cache section to the background: reads its size, clears it on request. */
export function CaptionsCacheControl() {
  const [summary, setSummary] = useState<{ videos: number; chars: number } | null>(null);
  const [problem, setProblem] = useState('');
  const [clearing, setClearing] = useState(false);

  const refresh = async (): Promise<void> => {
    try {
      const answer = await sendRequest({ type: 'getCaptionsCacheSummary' });
      if (answer.status === 'found') setSummary({ videos: answer.videos, chars: answer.chars });
      else setProblem(answer.message);
    } catch (error) {
      setProblem(`The extension's background worker did not answer (${describeError(error)}).`);
    }
  };

  useEffect(() => void refresh(), []);

  const clear = async (): Promise<void> => {
    setClearing(true);
    setProblem('');
    try {
      const answer = await sendRequest({ type: 'clearCaptionsCache' });
      if (answer.status === 'error') setProblem(answer.message);
    } catch (error) {
      setProblem(`The captions cache could not be cleared (${describeError(error)}).`);
    }
    await refresh();
    setClearing(false);
  };

  return <CaptionsCacheSection summary={summary} problem={problem} clearing={clearing} onClear={() => void clear()} />;
}
