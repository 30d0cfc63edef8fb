/** The full public dataset, where Hugging Face serves it. */
export const DEFAULT_DATASET_URL = 'https://huggingface.co/datasets/pinecone/yt-transcriptions/resolve/main/train.jsonl';
