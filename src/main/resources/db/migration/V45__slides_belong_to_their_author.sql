-- Slides belong to their author: a private slide is seen by its author alone, a shared one by everyone.
-- Slides saved before were shared by everyone, and stay shared. A deleted slide is kept (deleted_at) so
-- that its deletion can be undone; the service purges those deleted more than a day ago.
ALTER TABLE map_bookmark ADD COLUMN shared boolean NOT NULL DEFAULT true;
ALTER TABLE map_bookmark ADD COLUMN deleted_at timestamptz;
